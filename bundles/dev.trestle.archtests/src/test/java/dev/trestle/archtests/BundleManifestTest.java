package dev.trestle.archtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.archtests.TrestleBundles.Bundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/**
 * What bnd wrote into the manifests of the built bundles: the wiring the OSGi framework will actually resolve, which can
 * differ from what the classes suggest (a package named by hand in bnd.bnd, an import that bnd computed).
 */
class BundleManifestTest {

    private static final List<String> UI_TOOLKITS = List.of("org.eclipse.swt", "org.eclipse.jface", "org.eclipse.ui");

    /** Without the manifests every other test here would pass on nothing. */
    @Test
    void everyTrestleBundleIsOnTheClassPathWithItsManifest() {
        Set<String> found = new TreeSet<>();
        TrestleBundles.all().forEach(bundle -> found.add(bundle.symbolicName()));
        assertTrue(
                found.containsAll(TrestleBundles.EXPECTED),
                "Trestle manifests on the test classpath: " + found + "; expected at least " + TrestleBundles.EXPECTED
                        + " (a reactor run must reach the package phase for the jars to exist)");
    }

    @Test
    void noBundleImportsAnInternalPackage() {
        List<String> violations = new ArrayList<>();
        for (Bundle bundle : TrestleBundles.all()) {
            for (String name : header(bundle, "Import-Package").names()) {
                if (TrestleBundles.isInternal(name)) {
                    violations.add(bundle.symbolicName() + " imports " + name);
                }
            }
        }
        assertEquals(List.of(), violations, "internal packages are private to their bundle");
    }

    @Test
    void headlessBundlesDoNotImportSwtJfaceOrEclipseUi() {
        List<String> violations = new ArrayList<>();
        for (Bundle bundle : TrestleBundles.all()) {
            if (!TrestleBundles.isHeadless(bundle.symbolicName())) {
                continue;
            }
            for (String header : List.of("Import-Package", "Require-Bundle")) {
                for (String name : header(bundle, header).names()) {
                    if (UI_TOOLKITS.stream()
                            .anyMatch(toolkit -> name.equals(toolkit) || name.startsWith(toolkit + "."))) {
                        violations.add(bundle.symbolicName() + " " + header + ": " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "headless bundles must resolve without a UI toolkit");
    }

    /** An unversioned export is 0.0.0, which every import range accepts, so consumers could not be protected. */
    @Test
    void everyExportedTrestlePackageHasAVersion() {
        List<String> violations = new ArrayList<>();
        for (Bundle bundle : TrestleBundles.all()) {
            for (ManifestHeader.Clause clause : header(bundle, "Export-Package").clauses()) {
                Version version = Version.parseVersion(versionOf(clause.parameters()));
                for (String name : clause.names()) {
                    if (name.startsWith(TrestleBundles.PREFIX) && version.equals(Version.emptyVersion)) {
                        violations.add(bundle.symbolicName() + " exports " + name + " at " + version);
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "give the package a @Version in its package-info.java");
    }

    private static String versionOf(Map<String, String> parameters) {
        return parameters.getOrDefault("version", parameters.getOrDefault("specification-version", "0.0.0"));
    }

    private static ManifestHeader header(Bundle bundle, String name) {
        return ManifestHeader.parse(bundle.headers().getValue(name));
    }
}
