package dev.trestle.editor.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.history.Edit;
import dev.trestle.editor.history.EditHistory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Texts are ASCII here, so byte offsets are char offsets and a StringBuilder plays the document. */
class JournaledEditHistoryTest {
    private static final String DIGEST_A = "a".repeat(64);
    private static final String DIGEST_B = "b".repeat(64);
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path state;

    private final Path file = Path.of("/project/src/main.c");
    private final StringBuilder text = new StringBuilder("int x;");

    private EditHistory open(String digest) throws IOException {
        return JournaledEditHistory.open(state, file, digest, CLOCK);
    }

    private void type(EditHistory history, int offset, String inserted, int seconds) {
        Edit edit = new Edit(offset, "", inserted, T0.plusSeconds(seconds));
        apply(edit);
        history.record(edit);
    }

    private void apply(Edit edit) {
        text.replace((int) edit.offset(), (int) edit.offset() + edit.removed().length(), edit.inserted());
    }

    private void apply(Optional<Edit> edit) {
        apply(edit.orElseThrow());
    }

    private void applyAll(List<Edit> edits) {
        edits.forEach(this::apply);
    }

    @Test
    void undoRedoAndBranchesSurviveARestart() throws IOException {
        long firstTip;
        try (EditHistory history = open(DIGEST_A)) {
            type(history, 6, " int y;", 1);
            type(history, 13, " int z;", 2);
            firstTip = history.currentState();
            apply(history.undo());
            type(history, 13, " long w;", 3); // a new branch; " int z;" must stay reachable
            assertEquals("int x; int y; long w;", text.toString());
            history.markSaved(DIGEST_B);
        }
        try (EditHistory history = open(DIGEST_B)) {
            assertEquals(2, history.branches().size(), "branches: " + history.branches());
            apply(history.undo());
            apply(history.undo());
            assertEquals("int x;", text.toString());
            apply(history.redo());
            apply(history.redo());
            assertEquals("int x; int y; long w;", text.toString(), "redo follows the newest branch");
            applyAll(history.switchTo(firstTip));
            assertEquals("int x; int y; int z;", text.toString());
            apply(history.undo());
            apply(history.redo());
            assertEquals("int x; int y; int z;", text.toString(), "redo follows the branch switched to");
            assertEquals(Optional.empty(), history.redo());
        }
    }

    @Test
    void aTornLastRecordIsDroppedAndEveryCompleteRecordKept() throws IOException {
        try (EditHistory history = open(DIGEST_A)) {
            type(history, 6, " a;", 1);
            type(history, 9, " b;", 2);
            history.flush();
            type(history, 12, " c;", 3);
        }
        Path journal = journal();
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 3);
        }
        try (EditHistory history = open(DIGEST_A)) {
            List<Edit> all = history.editsFromBase(history.branches().get(0).tipState());
            assertEquals(List.of(" a;", " b;"), all.stream().map(Edit::inserted).toList());
            type(history, 0, "x", 4); // appending after the repaired tail must work
        }
        try (EditHistory history = open(DIGEST_A)) {
            assertEquals(2, history.branches().size(), "the new edit is readable after the repair");
        }
    }

    @Test
    void aFlippedBitInTheLastRecordIsCaughtByItsChecksum() throws IOException {
        try (EditHistory history = open(DIGEST_A)) {
            type(history, 6, " a;", 1);
            type(history, 9, " b;", 2);
        }
        Path journal = journal();
        byte[] bytes = Files.readAllBytes(journal);
        bytes[bytes.length - 6] ^= 0x10;
        Files.write(journal, bytes);
        try (EditHistory history = open(DIGEST_A)) {
            assertEquals(
                    List.of(" a;"),
                    history.editsFromBase(history.branches().get(0).tipState()).stream()
                            .map(Edit::inserted)
                            .toList());
        }
    }

    @Test
    void aFileChangedOutsideTheEditorStartsANewEpochAndKeepsTheOld() throws IOException {
        long oldTip;
        try (EditHistory history = open(DIGEST_A)) {
            type(history, 6, " a;", 1);
            oldTip = history.currentState();
        }
        try (EditHistory history = open(DIGEST_B)) {
            assertEquals(2, history.epochs().size());
            assertEquals(DIGEST_B, history.currentEpoch().baseSha256());
            assertEquals(Optional.empty(), history.undo(), "the new epoch starts from the changed file");
            assertEquals(DIGEST_A, history.epochs().get(0).baseSha256());
            assertEquals(" a;", history.editsFromBase(oldTip).get(0).inserted());
        }
        try (EditHistory history = open(DIGEST_A)) {
            assertEquals(2, history.epochs().size(), "content seen before resumes its epoch instead of a third");
            assertEquals(1, history.currentEpoch().number());
        }
    }

    @Test
    void earlierAndLaterMoveByTimeAcrossBranches() throws IOException {
        try (EditHistory history = open(DIGEST_A)) {
            type(history, 6, "1", 10);
            type(history, 7, "2", 20);
            apply(history.undo());
            type(history, 7, "3", 30);
            applyAll(history.earlier(Duration.ofSeconds(15)));
            assertEquals("int x;1", text.toString(), "15 s before the edit at 30 s, the newest state is from 10 s");
            applyAll(history.later(Duration.ofSeconds(10)));
            assertEquals("int x;12", text.toString(), "10 s later the newest state is from 20 s, on the old branch");
            applyAll(history.earlier(Duration.ofHours(1)));
            assertEquals("int x;", text.toString());
            assertEquals(List.of(), history.earlier(Duration.ofSeconds(1)));
        }
    }

    @Test
    void theJournalLivesUnderTheStateDirectoryNotBesideTheSource() throws IOException {
        try (EditHistory history = open(DIGEST_A)) {
            type(history, 0, "x", 1);
        }
        assertTrue(journal().startsWith(state.resolve("history")), journal().toString());
    }

    private Path journal() throws IOException {
        try (Stream<Path> files = Files.walk(state)) {
            return files.filter(p -> p.getFileName().toString().equals("journal"))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
