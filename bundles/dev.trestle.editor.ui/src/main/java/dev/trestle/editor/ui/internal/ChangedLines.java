package dev.trestle.editor.ui.internal;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.Position;

/**
 * The regions changed since the last save, for the document map. They are document positions, so JFace moves them
 * as lines are inserted or deleted above them and the marks stay on the changed text.
 */
final class ChangedLines implements IDocumentListener {
    private static final String CATEGORY = "dev.trestle.changed";
    private final IDocument document;

    ChangedLines(IDocument document) {
        this.document = document;
        document.addPositionCategory(CATEGORY);
        document.addPositionUpdater(new DefaultPositionUpdater(CATEGORY));
        document.addDocumentListener(this);
    }

    @Override
    public void documentAboutToBeChanged(DocumentEvent event) {
        // positions are added once the new text is in place
    }

    @Override
    public void documentChanged(DocumentEvent event) {
        int length = event.getText() == null ? 0 : event.getText().length();
        try {
            document.addPosition(CATEGORY, new Position(event.getOffset(), length));
        } catch (BadLocationException | BadPositionCategoryException e) {
            throw new IllegalStateException("the change just made is outside the document: " + event, e);
        }
    }

    /** First and last line of each changed region. */
    List<int[]> lineRanges() {
        List<int[]> ranges = new ArrayList<>();
        try {
            for (Position p : document.getPositions(CATEGORY)) {
                if (!p.isDeleted()) {
                    int first = document.getLineOfOffset(p.getOffset());
                    int last = document.getLineOfOffset(p.getOffset() + p.getLength());
                    ranges.add(new int[] {first, last});
                }
            }
        } catch (BadLocationException | BadPositionCategoryException e) {
            throw new IllegalStateException("changed-line positions out of step with the document", e);
        }
        return ranges;
    }

    void clear() {
        try {
            for (Position p : document.getPositions(CATEGORY)) {
                document.removePosition(CATEGORY, p);
            }
        } catch (BadPositionCategoryException e) {
            throw new IllegalStateException("the changed-line category was registered in the constructor", e);
        }
    }
}
