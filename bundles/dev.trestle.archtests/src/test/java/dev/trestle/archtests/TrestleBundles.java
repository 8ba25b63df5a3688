package dev.trestle.archtests;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The Trestle bundles on the test classpath, found by their manifests. A bundle's root package is its symbolic name,
 * so a package belongs to the bundle whose symbolic name is its longest prefix: {@code dev.trestle.core.internal.jobs}
 * to {@code dev.trestle.core}, {@code dev.trestle.trace.ui.internal} to {@code dev.trestle.trace.ui}. {@link
 * TrestleArchitectureTest#everyClassLivesInTheBundleItsPackageNames} checks that this naming holds, because the rules
 * about headless bundles and internal packages rely on it.
 */
final class TrestleBundles {
    static final String PREFIX = "dev.trestle.";

    /** Test bundles: they may reach into anything they test, so Trestle's rules do not apply to them. */
    static final Set<String> EXEMPT = Set.of("dev.trestle.itests", "dev.trestle.archtests");

    /** The bundles the rules must see; this module depends on each, so a missing one means a broken classpath. */
    static final Set<String> EXPECTED =
            Set.of("dev.trestle.model", "dev.trestle.core", "dev.trestle.cli", "dev.trestle.workbench");

    /** The window: a UI bundle although its name does not end in {@code .ui}. */
    static final String WORKBENCH = "dev.trestle.workbench";

    record Bundle(String symbolicName, String location, Attributes headers) {}

    private static final List<Bundle> ALL = load();

    private TrestleBundles() {}

    static List<Bundle> all() {
        return ALL;
    }

    static boolean isHeadless(String symbolicName) {
        return !symbolicName.endsWith(".ui") && !symbolicName.equals(WORKBENCH);
    }

    /** {@code dev.trestle.<anything>.internal} and the packages below it. */
    static boolean isInternal(String packageName) {
        return packageName.startsWith(PREFIX)
                && packageName.substring(PREFIX.length()).matches("[^.]+(\\.[^.]+)*\\.internal(\\..+)?");
    }

    static Optional<String> bundleOf(String packageName) {
        return ALL.stream()
                .map(Bundle::symbolicName)
                .filter(name -> packageName.equals(name) || packageName.startsWith(name + "."))
                .max(Comparator.comparingInt(String::length));
    }

    /** The bundle whose jar (or classes folder) the class was read from, by its manifest. */
    static Optional<String> bundleLoadedFrom(JavaClass javaClass) {
        return javaClass.getSource().flatMap(source -> {
            String uri = normalized(source.getUri().toString());
            return ALL.stream()
                    .filter(bundle -> uri.startsWith(bundle.location()))
                    .map(Bundle::symbolicName)
                    .findFirst();
        });
    }

    static DescribedPredicate<JavaClass> resideInAHeadlessBundle() {
        return DescribedPredicate.describe(
                "reside in a headless bundle (dev.trestle.*, not *.ui, not " + WORKBENCH + ")",
                javaClass -> bundleOf(javaClass.getPackageName())
                        .filter(TrestleBundles::isHeadless)
                        .isPresent());
    }

    static DescribedPredicate<JavaClass> resideInBundle(String symbolicName) {
        return DescribedPredicate.describe(
                "reside in bundle " + symbolicName,
                javaClass -> bundleOf(javaClass.getPackageName())
                        .filter(symbolicName::equals)
                        .isPresent());
    }

    private static List<Bundle> load() {
        List<Bundle> bundles = new ArrayList<>();
        try {
            for (URL url :
                    Collections.list(TrestleBundles.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
                Attributes headers = read(url).getMainAttributes();
                String name = headers.getValue("Bundle-SymbolicName");
                if (name == null) {
                    continue;
                }
                name = name.split(";", 2)[0].trim();
                if (name.startsWith(PREFIX) && !EXEMPT.contains(name)) {
                    String manifest = normalized(url.toURI().toString());
                    String location = manifest.substring(0, manifest.length() - "META-INF/MANIFEST.MF".length());
                    bundles.add(new Bundle(name, location, headers));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the manifests on the test classpath", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("A classpath entry has no valid URI", e);
        }
        return List.copyOf(bundles);
    }

    /** ArchUnit writes {@code file:///dir}, the class loader {@code file:/dir}. */
    private static String normalized(String uri) {
        return uri.replace("file:///", "file:/");
    }

    private static Manifest read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new Manifest(in);
        }
    }
}
