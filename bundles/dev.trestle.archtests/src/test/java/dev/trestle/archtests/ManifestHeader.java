package dev.trestle.archtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OSGi manifest header such as Import-Package: clauses separated by commas, each with one or more package
 * names, then attributes ({@code version="[1.0,2)"}) and directives ({@code resolution:=optional}). Commas and
 * semicolons inside quotes belong to the value.
 */
record ManifestHeader(List<Clause> clauses) {

    record Clause(List<String> names, Map<String, String> parameters) {}

    static ManifestHeader parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return new ManifestHeader(clauses);
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                int equals = part.indexOf('=');
                if (equals < 0) {
                    names.add(part.trim());
                } else {
                    String value = part.substring(equals + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    parameters.put(part.substring(0, equals).trim(), value);
                }
            }
            clauses.add(new Clause(List.copyOf(names), Map.copyOf(parameters)));
        }
        return new ManifestHeader(List.copyOf(clauses));
    }

    List<String> names() {
        return clauses.stream().flatMap(clause -> clause.names().stream()).toList();
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
