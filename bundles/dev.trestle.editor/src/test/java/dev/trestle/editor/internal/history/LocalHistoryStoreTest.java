package dev.trestle.editor.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.history.Conflict;
import dev.trestle.editor.history.FileStamp;
import dev.trestle.editor.history.Recovery;
import dev.trestle.editor.history.SaveConflictException;
import dev.trestle.editor.history.Version;
import dev.trestle.model.store.AtomicFiles.ContentWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalHistoryStoreTest {
    @TempDir
    Path state;

    @TempDir
    Path project;

    private LocalHistoryStore store() {
        return new LocalHistoryStore(state, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static ContentWriter text(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(LocalHistoryStore store, Version version) throws IOException {
        try (InputStream in = store.open(version)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everySaveKeepsThePreviousContentNewestFirst() throws IOException {
        LocalHistoryStore store = store();
        Path file = project.resolve("main.c");
        Files.writeString(file, "one");
        FileStamp stamp = store.save(file, FileStamp.of(file), text("two"));
        store.save(file, stamp, text("three"));
        assertEquals("three", Files.readString(file));
        List<Version> versions = store.versions(file);
        assertEquals(List.of("two", "one"), List.of(read(store, versions.get(0)), read(store, versions.get(1))));
    }

    @Test
    void identicalContentIsStoredOnce() throws IOException {
        LocalHistoryStore store = store();
        Path a = project.resolve("a.h");
        Path b = project.resolve("b.h");
        Files.writeString(a, "#pragma once\n");
        Files.writeString(b, "#pragma once\n");
        store.keep(a);
        store.keep(a);
        store.keep(b);
        assertEquals(1, store.versions(a).size(), "keeping unchanged content twice lists it once");
        try (Stream<Path> blobs = Files.walk(state.resolve("local-history/blobs"))) {
            assertEquals(1, blobs.filter(Files::isRegularFile).count(), "one blob for three keeps of one content");
        }
    }

    @Test
    void aDeletedFileIsStillListedAndCanBeRestored() throws IOException {
        LocalHistoryStore store = store();
        Path file = project.resolve("odd name\nwith newline.c");
        Files.writeString(file, "gone soon");
        store.keep(file);
        Files.delete(file);
        assertEquals(List.of(file.toAbsolutePath()), store.files());
        Version version = store.versions(file).get(0);
        store.restore(version, file);
        assertEquals("gone soon", Files.readString(file));
    }

    @Test
    void aSaveThatFailsMidWriteLeavesTheOriginalIntact() throws IOException {
        LocalHistoryStore store = store();
        Path file = project.resolve("main.c");
        Files.writeString(file, "original");
        IOException failure = assertThrows(
                IOException.class,
                () -> store.save(file, null, out -> {
                    out.write("half of the new".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("original", Files.readString(file));
        try (Stream<Path> files = Files.list(project)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aFileChangedOnDiskIsReportedWithBothTextsAndNotOverwritten() throws IOException {
        LocalHistoryStore store = store();
        Path file = project.resolve("main.c");
        Files.writeString(file, "loaded");
        FileStamp loaded = FileStamp.of(file);
        Files.writeString(file, "changed by git checkout");
        SaveConflictException e =
                assertThrows(SaveConflictException.class, () -> store.save(file, loaded, text("edited")));
        Conflict conflict = e.conflict();
        assertEquals("changed by git checkout", conflict.diskText());
        assertEquals("edited", conflict.editorText());
        assertEquals("changed by git checkout", Files.readString(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aFileTouchedButUnchangedIsNoConflict() throws IOException {
        LocalHistoryStore store = store();
        Path file = project.resolve("main.c");
        Files.writeString(file, "same");
        FileStamp loaded = FileStamp.of(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        store.save(file, loaded, text("edited"));
        assertEquals("edited", Files.readString(file));
    }

    @Test
    void anExecutableScriptStaysExecutableAfterSave() throws IOException {
        Path script = project.resolve("build.sh");
        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        store().save(script, FileStamp.of(script), text("#!/bin/sh\nmake\n"));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
    }

    @Test
    void recoveryContentIsReturnedUntilTheFileIsSaved() throws IOException {
        LocalHistoryStore store = store();
        Path file = project.resolve("main.c");
        Files.writeString(file, "on disk");
        String base = FileStamp.of(file).sha256();
        store.writeRecovery(file, base, text("unsaved 1"));
        store.writeRecovery(file, base, text("unsaved 2"));
        Recovery recovery = store.recover(file).orElseThrow();
        assertEquals("unsaved 2", Files.readString(recovery.content()));
        assertEquals(base, recovery.baseSha256());
        try (Stream<Path> files = Files.list(recovery.content().getParent())) {
            assertEquals(2, files.count(), "the older recovery content was replaced, not accumulated");
        }
        store.save(file, FileStamp.of(file), text("saved"));
        assertTrue(store.recover(file).isEmpty());
    }

    @Test
    void damagedRecoveryContentIsIgnoredNotTrusted() throws IOException {
        LocalHistoryStore store = store();
        Path file = project.resolve("main.c");
        store.writeRecovery(file, "0".repeat(64), text("unsaved"));
        Path content = store.recover(file).orElseThrow().content();
        Files.writeString(content, "unsaveD");
        assertTrue(store.recover(file).isEmpty());
    }

    @Test
    void restoringKeepsTheContentItReplaces() throws IOException {
        LocalHistoryStore store = store();
        Path file = project.resolve("main.c");
        Files.writeString(file, "v1");
        store.save(file, null, text("v2"));
        Version v1 = store.versions(file).get(0);
        store.restore(v1, file);
        assertEquals("v1", Files.readString(file));
        assertEquals("v2", read(store, store.versions(file).get(0)));
    }
}
