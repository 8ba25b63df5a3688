package dev.trestle.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.jobs.JobService;
import dev.trestle.core.project.ProjectService;
import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.model.Severity;
import dev.trestle.model.SourceFile;
import dev.trestle.model.TrestleFactory;
import dev.trestle.model.TrestlePackage;
import dev.trestle.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The services as another bundle sees them: open a directory, annotate, save, and read the project file back. */
class ProjectServiceInFrameworkTest {
    private final BundleContext context =
            FrameworkUtil.getBundle(ProjectServiceInFrameworkTest.class).getBundleContext();
    private Path root;

    @BeforeEach
    void createSources() throws Exception {
        root = Files.createTempDirectory("trestle-itest");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/main.c"), "#include \"util.h\"\nint main(void) { return 0; }\n");
        Files.writeString(root.resolve("src/util.h"), "#pragma once\n");
    }

    @AfterEach
    void deleteSources() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void generatedPackageIsRegisteredInTheFramework() {
        assertSame(TrestlePackage.eINSTANCE, EPackage.Registry.INSTANCE.getEPackage(TrestlePackage.eNS_URI));
    }

    @Test
    void projectOpenedThroughTheServicesRoundTripsThroughTheProjectFile() throws Exception {
        ProjectService projects = service(ProjectService.class);
        JobService jobs = service(JobService.class);

        Project project = jobs.schedule("open", progress -> projects.open(root, progress))
                .result()
                .get(30, TimeUnit.SECONDS);
        SourceFile main = (SourceFile) project.eResource().getEObject("src/main.c");
        assertNotNull(main, "scanned into the model");
        Annotation warning = TrestleFactory.eINSTANCE.createAnnotation();
        warning.setFile(main);
        warning.setPath(main.getPath());
        warning.setStartLine(1);
        warning.setEndLine(1);
        warning.setSeverity(Severity.WARNING);
        warning.setMessage("checked inside Felix");
        warning.setOrigin("itest");
        project.getAnnotations().add(warning);
        projects.save(project);

        Project loaded = ProjectStore.load(root);

        assertTrue(EcoreUtil.equals(project, loaded), ProjectStore.toXml(loaded));
        assertEquals("src/main.c", loaded.getAnnotations().get(0).getFile().getPath());
        assertSame(project, projects.current().orElseThrow());
    }

    private <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S service = tracker.waitForService(5_000);
        assertNotNull(service, type.getName() + " is registered");
        return service;
    }
}
