package dev.trestle.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * What a user does with the model feature: a stock Apache Felix, with Declarative Services and Gogo, plus the
 * jars of {@code target/feature} and nothing else of Trestle. Every bundle must resolve and start, and the model
 * must work from inside the framework.
 */
class ModelFeatureInStockFelixTest {
    @TempDir
    Path storage;

    private Framework felix;

    @AfterEach
    void stop() throws Exception {
        if (felix != null) {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    @Test
    void modelFeatureInstallsAloneIntoStockFelixAndStarts() throws Exception {
        List<Path> jars = new ArrayList<>(jarsIn(Path.of("target/feature")));
        assertFalse(jars.isEmpty(), "the build copies the feature's bundles to target/feature");
        jars.addAll(jarsIn(Path.of("target/stock-felix")));

        FrameworkFactory factory =
                ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        felix = factory.newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE,
                storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN,
                Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        BundleContext context = felix.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context.installBundle(jar.toUri().toString()));
        }
        for (Bundle bundle : installed) {
            bundle.start();
        }

        for (Bundle bundle : installed) {
            assertEquals(Bundle.ACTIVE, bundle.getState(), bundle.getSymbolicName() + " is not active");
        }
        Bundle model = installed.stream()
                .filter(b -> b.getSymbolicName().equals("dev.trestle.model"))
                .findFirst()
                .orElseThrow();
        // The generated package registers itself and answers from inside the framework.
        Class<?> packageClass = model.loadClass("dev.trestle.model.TrestlePackage");
        Object nsUri = packageClass.getField("eNS_URI").get(null);
        assertEquals("https://trestle.dev/model/1.1", nsUri);
        Object factoryInstance = model.loadClass("dev.trestle.model.TrestleFactory")
                .getField("eINSTANCE")
                .get(null);
        Object project = factoryInstance.getClass().getMethod("createProject").invoke(factoryInstance);
        assertNotNull(project);
        // getAll: the system bundle does not import Gogo's package, so the class-space check must be skipped
        assertNotNull(
                context.getAllServiceReferences("org.apache.felix.service.command.CommandProcessor", null),
                "Gogo is running beside the feature");
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
