package dev.trestle.archtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest checks are only as good as this parser; bnd writes both of these shapes. */
class ManifestHeaderTest {

    @Test
    void quotedCommasAndSemicolonsStayInTheirClause() {
        ManifestHeader header = ManifestHeader.parse(
                "dev.trestle.core.project;version=\"1.0.0\";uses:=\"dev.trestle.core.jobs,dev.trestle.model\","
                        + "org.apache.felix.service.command;version=\"[1.0,2)\";resolution:=optional");

        assertEquals(List.of("dev.trestle.core.project", "org.apache.felix.service.command"), header.names());
        assertEquals(
                Map.of("version", "1.0.0", "uses:", "dev.trestle.core.jobs,dev.trestle.model"),
                header.clauses().get(0).parameters());
        assertEquals("[1.0,2)", header.clauses().get(1).parameters().get("version"));
    }

    @Test
    void packagesSharingOneVersionAreAllNamed() {
        ManifestHeader header = ManifestHeader.parse("a.b;a.c;version=2.0,a.d");

        assertEquals(List.of("a.b", "a.c", "a.d"), header.names());
        assertEquals(Map.of("version", "2.0"), header.clauses().get(0).parameters());
        assertEquals(Map.of(), header.clauses().get(1).parameters());
    }

    @Test
    void anAbsentHeaderHasNoClauses() {
        assertEquals(List.of(), ManifestHeader.parse(null).clauses());
    }
}
