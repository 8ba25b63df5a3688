package dev.trestle.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.model.Annotation;
import dev.trestle.model.BackupSet;
import dev.trestle.model.Folder;
import dev.trestle.model.Include;
import dev.trestle.model.JobResult;
import dev.trestle.model.JobStatus;
import dev.trestle.model.Language;
import dev.trestle.model.OperatingSystem;
import dev.trestle.model.Platform;
import dev.trestle.model.Project;
import dev.trestle.model.Severity;
import dev.trestle.model.SourceFile;
import dev.trestle.model.Target;
import dev.trestle.model.TargetKind;
import dev.trestle.model.TrestleFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreTest {
    private static final TrestleFactory MODEL = TrestleFactory.eINSTANCE;

    @TempDir
    Path root;

    @Test
    void everyKindOfContentRoundTripsThroughTheProjectFile() throws IOException {
        Project project = sampleProject(root);
        ProjectStore.save(project);

        Project loaded = ProjectStore.load(root);

        assertTrue(EcoreUtil.equals(project, loaded), "loaded project differs:\n" + ProjectStore.toXml(loaded));
        assertEquals(root.toAbsolutePath().normalize().toString(), loaded.getRoot());
        SourceFile main = (SourceFile) loaded.eResource().getEObject("src/main.c");
        SourceFile header = (SourceFile) loaded.eResource().getEObject("include/util.h");
        assertSame(header, main.getIncludes().get(0).getTarget(), "include edge points at the loaded header");
        assertSame(main, loaded.getAnnotations().get(0).getFile());
        assertSame(
                loaded.getPlatforms().get(0),
                loaded.getTargets().get(0).getPlatforms().get(0));
    }

    @Test
    void projectFileRefersToFilesByPathAndNotBySavedRoot() throws IOException {
        ProjectStore.save(sampleProject(root));
        String xml = Files.readString(ProjectStore.fileOf(root));

        assertTrue(xml.contains("target=\"include/util.h\""), xml);
        assertFalse(xml.contains(root.toString()), "the absolute root must not be saved: a moved project stays valid");
    }

    @Test
    void movedProjectLoadsWithItsNewRoot() throws IOException {
        ProjectStore.save(sampleProject(root));
        Path moved = Files.createDirectory(root.resolveSibling(root.getFileName() + "-moved"));
        Files.move(ProjectStore.fileOf(root), ProjectStore.fileOf(moved));

        assertEquals(
                moved.toAbsolutePath().normalize().toString(),
                ProjectStore.load(moved).getRoot());
    }

    @Test
    void saveLeavesNoTemporaryFilesBehind() throws IOException {
        Project project = sampleProject(root);
        ProjectStore.save(project);
        ProjectStore.save(project);

        try (Stream<Path> files = Files.list(root)) {
            assertEquals(1, files.count(), "only the project file");
        }
    }

    @Test
    void failedSaveKeepsThePreviousFileIntact() throws IOException {
        Project project = sampleProject(root);
        ProjectStore.save(project);
        byte[] before = Files.readAllBytes(ProjectStore.fileOf(root));

        IOException failure = assertThrows(
                IOException.class,
                () -> AtomicFiles.write(ProjectStore.fileOf(root), out -> {
                    out.write("<half".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }));

        assertEquals("disk full", failure.getMessage());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(ProjectStore.fileOf(root)));
        try (Stream<Path> files = Files.list(root)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
    }

    @Test
    void fileOfTheFirstFormatVersionStillLoads() throws IOException {
        // Written by Trestle 0.1 (format 1.0). Kept unchanged: every later version must read it.
        copyFixture("project-format-1.0.trestle");

        Project project = ProjectStore.load(root);

        assertEquals("wordfreq", project.getName());
        SourceFile counter = (SourceFile) project.eResource().getEObject("lib/text/counter.c");
        assertEquals(Language.C, counter.getLanguage());
        assertEquals(1455, counter.getSize());
        assertEquals(
                "lib/text/counter.h", counter.getIncludes().get(0).getTarget().getPath());
        assertEquals(Severity.WARNING, project.getAnnotations().get(0).getSeverity());
    }

    @Test
    void olderMinorVersionLoadsWithDefaultsForWhatItLacks() throws IOException {
        copyFixture("project-format-1.0-minimal.trestle");

        Project project = ProjectStore.load(root);

        SourceFile file = (SourceFile) project.eResource().getEObject("main.c");
        assertNull(file.getDigest());
        assertEquals(0, file.getSize());
        assertTrue(project.getTargets().isEmpty());
        assertTrue(project.getBackupSets().isEmpty());
    }

    @Test
    void newerMinorVersionLoadsAndItsUnknownContentSurvivesASave() throws IOException {
        copyFixture("project-format-1.7-newer.trestle");

        Project project = ProjectStore.load(root);
        assertEquals("from-the-future", project.getName());
        assertFalse(ProjectStore.unknownContent(project).isEmpty(), "unknown content is recorded");
        ProjectStore.save(project);

        String saved = Files.readString(ProjectStore.fileOf(root));
        assertTrue(saved.contains("coverage=\"87\""), "unknown attribute kept:\n" + saved);
        assertTrue(saved.contains("<reviewNote"), "unknown element kept:\n" + saved);
    }

    @Test
    void differentMajorVersionIsRefusedNamingTheFormat() throws IOException {
        copyFixture("project-format-2.0.trestle");

        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.load(root));

        assertTrue(e.getMessage().contains("https://trestle.dev/model/2.0"), e.getMessage());
        assertTrue(e.getMessage().contains(ProjectStore.FILE_NAME), e.getMessage());
    }

    @Test
    void malformedFileNamesTheLine() throws IOException {
        Files.writeString(
                ProjectStore.fileOf(root),
                "<?xml version=\"1.0\"?>\n<trestle:Project xmlns:trestle=\"https://trestle.dev/model/1.0\"\n"
                        + "   xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" name=\"x\">\n"
                        + "  <members xsi:type=\"trestle:Folder\" path=\"a\">\n</trestle:Project>\n");

        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.load(root));

        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(ProjectStore.fileOf(root) + ":5"), e.getMessage());
    }

    @Test
    void memberWithoutItsTypeIsExplainedInWords() throws IOException {
        Files.writeString(
                ProjectStore.fileOf(root),
                "<?xml version=\"1.0\"?>\n<trestle:Project xmlns:trestle=\"https://trestle.dev/model/1.0\""
                        + " name=\"x\">\n  <members path=\"a.c\"/>\n</trestle:Project>\n");

        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.load(root));

        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("xsi:type"), e.getMessage());
        assertFalse(e.getMessage().contains("AnyTypeImpl"), e.getMessage());
    }

    @Test
    void truncatedFileIsReportedNotHalfLoaded() throws IOException {
        ProjectStore.save(sampleProject(root));
        Path file = ProjectStore.fileOf(root);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.load(root));
        assertTrue(e.line() > 0, e.getMessage());
    }

    @Test
    void missingProjectFileSaysHowToCreateOne() {
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.load(root));

        assertTrue(e.getMessage().contains("init"), e.getMessage());
    }

    private void copyFixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/format/" + name)) {
            Files.copy(in, ProjectStore.fileOf(root));
        }
    }

    static Project sampleProject(Path root) {
        Project project = ProjectStore.create(root, "sample");
        Folder src = folder("src");
        Folder include = folder("include");
        SourceFile main = file("src/main.c", Language.C);
        SourceFile util = file("include/util.h", Language.HEADER);
        src.getMembers().add(main);
        include.getMembers().add(util);
        project.getMembers().add(include);
        project.getMembers().add(src);
        Include edge = MODEL.createInclude();
        edge.setSpelling("util.h");
        edge.setLine(3);
        edge.setTarget(util);
        main.getIncludes().add(edge);
        Include system = MODEL.createInclude();
        system.setSpelling("stdio.h");
        system.setSystem(true);
        system.setResolvedPath("/usr/include/stdio.h");
        system.setLine(1);
        main.getIncludes().add(system);

        Platform linux = MODEL.createPlatform();
        linux.setName("linux");
        linux.setOs(OperatingSystem.LINUX);
        linux.setCompiler("gcc");
        linux.setTriple("x86_64-linux-gnu");
        project.getPlatforms().add(linux);
        Target program = MODEL.createTarget();
        program.setName("sample");
        program.setKind(TargetKind.PROGRAM);
        program.getSources().add(main);
        program.getPlatforms().add(linux);
        project.getTargets().add(program);

        Annotation note = MODEL.createAnnotation();
        note.setPath("src/main.c");
        note.setFile(main);
        note.setStartLine(3);
        note.setEndLine(4);
        note.setSeverity(Severity.ERROR);
        note.setMessage("implicit declaration of 'frob' — \"quoted\" & <angled>");
        note.setOrigin("make");
        project.getAnnotations().add(note);

        JobResult job = MODEL.createJobResult();
        job.setName("Scan");
        job.setOrigin("core");
        job.setStarted(new Date(1_700_000_000_000L));
        job.setFinished(new Date(1_700_000_001_000L));
        job.setStatus(JobStatus.OK);
        job.setSummary("2 files");
        project.getJobResults().add(job);

        BackupSet sources = MODEL.createBackupSet();
        sources.setName("sources");
        sources.getSourceRoots().addAll(List.of("src", "include"));
        sources.getExcludePatterns().add("**/*.tmp");
        sources.getDestinations().addAll(List.of("/media/usb", "/mnt/other machine"));
        sources.setFormat("tar.bz2");
        sources.setKeepLast(5);
        project.getBackupSets().add(sources);
        return project;
    }

    private static Folder folder(String path) {
        Folder folder = MODEL.createFolder();
        folder.setPath(path);
        return folder;
    }

    private static SourceFile file(String path, Language language) {
        SourceFile file = MODEL.createSourceFile();
        file.setPath(path);
        file.setLanguage(language);
        file.setSize(path.length() * 100L);
        file.setLastModified(1_700_000_000_000L);
        file.setDigest("ab".repeat(32));
        return file;
    }
}
