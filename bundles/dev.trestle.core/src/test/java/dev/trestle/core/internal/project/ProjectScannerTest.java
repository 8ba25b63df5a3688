package dev.trestle.core.internal.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trestle.core.jobs.Progress;
import dev.trestle.model.Folder;
import dev.trestle.model.Language;
import dev.trestle.model.Member;
import dev.trestle.model.Project;
import dev.trestle.model.SourceFile;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectScannerTest {
    @TempDir
    Path root;

    private final Progress quiet = Progress.SILENT;

    /** Reports nowhere, and is cancelled from the start. */
    private record FixedProgress(boolean isCancelled) implements Progress {
        @Override
        public void begin(String task, long totalWork) {}

        @Override
        public void worked(long units) {}

        @Override
        public void step(String description) {}
    }

    @Test
    void scanBuildsTheTreeWithLanguagesSizesAndDigests() throws IOException {
        write("src/main.c", "int main(void) { return 0; }\n");
        write("include/util.h", "#pragma once\n");
        write("Makefile", "all:\n");
        write(".git/HEAD", "ref: refs/heads/main\n");

        Project project = scan();

        assertEquals(List.of("include", "src", "Makefile"), names(project.getMembers()));
        SourceFile main = file(project, "src/main.c");
        assertEquals(Language.C, main.getLanguage());
        assertEquals(29, main.getSize());
        assertEquals(ProjectScanner.sha256(root.resolve("src/main.c")), main.getDigest());
        assertEquals(Language.MAKEFILE, file(project, "Makefile").getLanguage());
        assertNull(project.eResource().getEObject(".git/HEAD"), "hidden directories are not part of the project");
    }

    @Test
    void rescanKeepsUnchangedFilesAndRereadsChangedOnes() throws IOException {
        write("a.c", "one\n");
        write("b.c", "two\n");
        Project project = ProjectStore.create(root, "p");
        new ProjectScanner(root).scan(project, quiet);
        SourceFile a = file(project, "a.c");
        SourceFile b = file(project, "b.c");
        String digestOfB = b.getDigest();

        write("b.c", "two, longer\n");
        ProjectScanner.Changes changes = new ProjectScanner(root).scan(project, quiet);

        assertEquals(new ProjectScanner.Changes(0, 1, 0, 1), changes);
        assertSame(a, file(project, "a.c"), "unchanged file keeps its object, and what others attached to it");
        assertNotEquals(digestOfB, file(project, "b.c").getDigest());
    }

    @Test
    void sameSizeChangeIsSeenThroughTheModificationTime() throws IOException {
        write("a.c", "one\n");
        Project project = scan();
        String before = file(project, "a.c").getDigest();
        write("a.c", "ONE\n");
        Files.setLastModifiedTime(root.resolve("a.c"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        new ProjectScanner(root).scan(project, quiet);

        assertNotEquals(before, file(project, "a.c").getDigest());
    }

    @Test
    void removedFilesGoAndTheirEmptyFoldersWithThem() throws IOException {
        write("lib/deep/x.c", "x\n");
        write("lib/y.c", "y\n");
        Project project = scan();

        Files.delete(root.resolve("lib/deep/x.c"));
        ProjectScanner.Changes changes = new ProjectScanner(root).scan(project, quiet);

        assertEquals(1, changes.removed());
        assertNull(project.eResource().getEObject("lib/deep"));
        assertEquals(List.of("y.c"), names(((Folder) project.eResource().getEObject("lib")).getMembers()));
    }

    @Test
    void oddFileNamesSurviveTheProjectFile() throws IOException {
        write("dir with space/ünïcødé & <x>.c", "x\n");
        write("quote\"s/a'b.h", "y\n");
        Project project = scan();
        ProjectStore.save(project);

        Project loaded = ProjectStore.load(root);

        assertNotNull(loaded.eResource().getEObject("dir with space/ünïcødé & <x>.c"));
        assertNotNull(loaded.eResource().getEObject("quote\"s/a'b.h"));
    }

    @Test
    void projectFileItselfIsNotAMember() throws IOException {
        write("a.c", "x\n");
        ProjectStore.save(scan());

        Project again = scan();

        assertEquals(List.of("a.c"), names(again.getMembers()));
    }

    @Test
    void cancelledScanStops() throws IOException {
        write("a.c", "x\n");
        Progress cancelled = new FixedProgress(true);

        assertThrows(
                CancellationException.class,
                () -> new ProjectScanner(root).scan(ProjectStore.create(root, "p"), cancelled));
    }

    @Test
    void notADirectoryIsNamed() {
        IOException e = assertThrows(
                IOException.class,
                () -> new ProjectScanner(root.resolve("missing")).scan(ProjectStore.create(root, "p"), quiet));
        assertEquals("not a directory: " + root.resolve("missing"), e.getMessage());
    }

    private Project scan() throws IOException {
        Project project = ProjectStore.create(root, "p");
        new ProjectScanner(root).scan(project, quiet);
        return project;
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static SourceFile file(Project project, String path) {
        return (SourceFile) project.eResource().getEObject(path);
    }

    private static List<String> names(List<Member> members) {
        return members.stream().map(Member::getName).toList();
    }
}
