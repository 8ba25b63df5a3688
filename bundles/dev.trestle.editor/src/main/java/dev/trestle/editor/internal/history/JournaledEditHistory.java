package dev.trestle.editor.internal.history;

import dev.trestle.editor.history.Branch;
import dev.trestle.editor.history.Edit;
import dev.trestle.editor.history.EditHistory;
import dev.trestle.editor.history.Epoch;
import dev.trestle.editor.internal.history.HistoryTree.State;
import dev.trestle.editor.internal.history.JournalRecord.EditMade;
import dev.trestle.editor.internal.history.JournalRecord.EpochStarted;
import dev.trestle.editor.internal.history.JournalRecord.Marked;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An {@link EditHistory} replayed from its journal on open. Where to resume is decided by content, not by what was
 * current at close: the newest mark (open or save) with the digest the file has now. Unsaved edits of a session that
 * ended without saving are therefore still there, as a branch to redo.
 */
public final class JournaledEditHistory implements EditHistory {
    private final JournalFile journal;
    private final HistoryTree tree = new HistoryTree();
    private final Clock clock;
    private State current;

    private JournaledEditHistory(JournalFile journal, String fileSha256, Clock clock) {
        this.journal = journal;
        this.clock = clock;
        State resume = null;
        for (JournalRecord record : journal.records()) {
            switch (record) {
                case EpochStarted epoch -> {
                    State root = tree.startEpoch(epoch.time(), epoch.sha256());
                    resume = epoch.sha256().equals(fileSha256) ? root : resume;
                }
                case EditMade made -> tree.addEdit(tree.state(made.parent()), made.edit());
                case Marked mark -> resume = mark.sha256().equals(fileSha256) ? tree.state(mark.state()) : resume;
            }
        }
        if (resume == null) {
            EpochStarted epoch = new EpochStarted(clock.instant(), fileSha256);
            journal.append(epoch);
            current = tree.startEpoch(epoch.time(), fileSha256);
        } else {
            current = resume;
            journal.append(new Marked(current.id, clock.instant(), fileSha256));
        }
    }

    /** Opens {@code <stateDirectory>/history/<key of file>/journal}. */
    public static JournaledEditHistory open(Path stateDirectory, Path file, String fileSha256, Clock clock)
            throws IOException {
        requireSha256(fileSha256, file.toString());
        Path journal =
                stateDirectory.resolve("history").resolve(PathKeys.of(file)).resolve("journal");
        JournaledEditHistory history = new JournaledEditHistory(JournalFile.open(journal), fileSha256, clock);
        history.flush();
        return history;
    }

    @Override
    public void record(Edit edit) {
        journal.append(new EditMade(current.id, edit));
        current = tree.addEdit(current, edit);
    }

    @Override
    public Optional<Edit> undo() {
        return current.parent == null
                ? Optional.empty()
                : Optional.of(moveTo(current.parent).get(0));
    }

    @Override
    public Optional<Edit> redo() {
        return current.preferredChild == null
                ? Optional.empty()
                : Optional.of(moveTo(current.preferredChild).get(0));
    }

    @Override
    public List<Edit> earlier(Duration duration) {
        return moveTo(tree.newestAtOrBefore(current.epoch, current.time.minus(duration)));
    }

    @Override
    public List<Edit> later(Duration duration) {
        State target = tree.newestAtOrBefore(current.epoch, current.time.plus(duration));
        return target.time.isAfter(current.time) ? moveTo(target) : List.of();
    }

    @Override
    public List<Branch> branches() {
        return tree.branches(current.epoch);
    }

    @Override
    public List<Edit> switchTo(long state) {
        return moveTo(tree.state(state));
    }

    private List<Edit> moveTo(State target) {
        List<Edit> edits = tree.path(current, target);
        current = target;
        return edits;
    }

    @Override
    public long currentState() {
        return current.id;
    }

    @Override
    public Epoch currentEpoch() {
        return tree.epoch(current);
    }

    @Override
    public List<Epoch> epochs() {
        return tree.epochs();
    }

    @Override
    public List<Edit> editsFromBase(long state) {
        return tree.editsFromBase(tree.state(state));
    }

    @Override
    public void markSaved(String sha256) {
        requireSha256(sha256, "the saved content");
        journal.append(new Marked(current.id, clock.instant(), sha256));
    }

    private static void requireSha256(String sha256, String of) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256 for " + of + ": " + sha256);
        }
    }

    @Override
    public void flush() throws IOException {
        journal.flush();
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
