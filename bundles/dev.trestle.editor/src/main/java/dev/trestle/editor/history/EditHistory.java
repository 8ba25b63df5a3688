package dev.trestle.editor.history;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The undo history of one file: a tree of states, each reached by one {@link Edit} from its parent, so that an edit
 * after an undo starts a new branch and nothing is lost. Methods that move return the edits the caller applies to the
 * document, in order. Recorded edits reach the disk on {@link #flush()} (call it after a burst of typing) and on close.
 */
@ProviderType
public interface EditHistory extends Closeable {
    /** Records an edit the user made; it becomes the current state. */
    void record(Edit edit);

    /** The inverse of the current state's edit, or empty at the start of the epoch. */
    Optional<Edit> undo();

    /** Follows the branch most recently made or left by undo. */
    Optional<Edit> redo();

    /** Goes to the state that was newest {@code duration} before the current one was made, across branches (vim). */
    List<Edit> earlier(Duration duration);

    List<Edit> later(Duration duration);

    /** The tips of all branches of the current epoch, oldest first. */
    List<Branch> branches();

    /** Goes to any state of the current epoch (the tip of a branch, usually). */
    List<Edit> switchTo(long state);

    long currentState();

    Epoch currentEpoch();

    /** All epochs, oldest first; the last is current. */
    List<Epoch> epochs();

    /** The edits that build {@code state} from its epoch's base content: how an older epoch's states are reached. */
    List<Edit> editsFromBase(long state);

    /** Notes that the document at the current state was saved with content {@code sha256}. */
    void markSaved(String sha256);

    /** Appends what was recorded since the last flush and forces it to the device. */
    void flush() throws IOException;
}
