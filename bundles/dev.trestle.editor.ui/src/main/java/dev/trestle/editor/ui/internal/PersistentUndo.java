package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.Branch;
import dev.trestle.editor.history.Edit;
import dev.trestle.editor.history.EditHistory;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;

/**
 * Records every change of the document into the file's {@link EditHistory} and drives undo and redo from it, so that
 * undo survives restarts and branches. Typing is coalesced: characters typed one after another on a line become one
 * edit, as a user expects one undo to take back a word, not a letter.
 */
final class PersistentUndo implements IDocumentListener {
    private static final Duration TYPING_PAUSE = Duration.ofSeconds(2);

    private final IDocument document;
    private final EditHistory history;
    private final CharByteOffsets offsets;
    private Edit pending;
    private boolean applying;

    PersistentUndo(IDocument document, EditHistory history) {
        this(document, history, new Utf8Offsets(document));
    }

    PersistentUndo(IDocument document, EditHistory history, CharByteOffsets offsets) {
        this.document = document;
        this.history = history;
        this.offsets = offsets;
        document.addDocumentListener(this);
    }

    @Override
    public void documentAboutToBeChanged(DocumentEvent event) {
        String inserted = event.getText() == null ? "" : event.getText();
        offsets.inserting(inserted);
        if (applying) {
            return;
        }
        String removed;
        try {
            removed = document.get(event.getOffset(), event.getLength());
        } catch (BadLocationException e) {
            throw new IllegalStateException("a document event outside the document: " + event, e);
        }
        Edit edit = new Edit(offsets.toBytes(event.getOffset()), removed, inserted, Instant.now());
        if (pending != null && continuesTyping(pending, edit)) {
            pending = new Edit(pending.offset(), "", pending.inserted() + inserted, pending.time());
        } else {
            commit();
            pending = edit;
        }
    }

    @Override
    public void documentChanged(DocumentEvent event) {
        // the edit was taken before the change, while the removed text could still be read
    }

    private static boolean continuesTyping(Edit previous, Edit next) {
        return previous.removed().isEmpty()
                && next.removed().isEmpty()
                && next.inserted().length() == 1
                && Character.isLetterOrDigit(next.inserted().charAt(0)) == isWordy(previous.inserted())
                && next.offset()
                        == previous.offset()
                                + Utf8Offsets.utf8Length(
                                        previous.inserted(),
                                        0,
                                        previous.inserted().length())
                && Duration.between(previous.time(), next.time()).compareTo(TYPING_PAUSE) < 0;
    }

    private static boolean isWordy(String text) {
        return !text.isEmpty() && Character.isLetterOrDigit(text.charAt(text.length() - 1));
    }

    /** Hands the edit being typed to the history; before undo, save, and after a pause. */
    void commit() {
        if (pending != null) {
            history.record(pending);
            pending = null;
        }
    }

    boolean hasPending() {
        return pending != null;
    }

    /** Returns false when there is nothing to undo. */
    boolean undo() throws BadLocationException {
        commit();
        return apply(history.undo());
    }

    boolean redo() throws BadLocationException {
        commit();
        return apply(history.redo());
    }

    /** Goes back to the text as it was {@code duration} before the current state was made, across branches. */
    boolean earlier(Duration duration) throws BadLocationException {
        commit();
        return apply(history.earlier(duration));
    }

    boolean later(Duration duration) throws BadLocationException {
        commit();
        return apply(history.later(duration));
    }

    /** The tips of every line of edits; an edit after an undo started a new one, and none is lost. */
    List<Branch> branches() {
        commit();
        return history.branches();
    }

    /** Goes to {@code state}, usually the tip of a branch from {@link #branches()}. */
    boolean switchTo(long state) throws BadLocationException {
        commit();
        return apply(history.switchTo(state));
    }

    private boolean apply(List<Edit> edits) throws BadLocationException {
        for (Edit edit : edits) {
            apply(Optional.of(edit));
        }
        return !edits.isEmpty();
    }

    /** Applies an edit of the history; the change is not recorded again, it is where the history already is. */
    private boolean apply(Optional<Edit> edit) throws BadLocationException {
        if (edit.isEmpty()) {
            return false;
        }
        Edit e = edit.get();
        int offset = offsets.toChars(e.offset());
        if (!document.get(offset, e.removed().length()).equals(e.removed())) {
            throw new BadLocationException("the undo history does not match the text at byte " + e.offset());
        }
        applying = true;
        try {
            document.replace(offset, e.removed().length(), e.inserted());
        } finally {
            applying = false;
        }
        return true;
    }

    long state() {
        return history.currentState();
    }

    void flush() throws IOException {
        commit();
        history.flush();
    }

    void markSaved(String sha256) throws IOException {
        commit();
        history.markSaved(sha256);
        history.flush();
    }

    void close() throws IOException {
        document.removeDocumentListener(this);
        flush();
        history.close();
    }
}
