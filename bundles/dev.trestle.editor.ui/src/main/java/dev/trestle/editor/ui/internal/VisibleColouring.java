package dev.trestle.editor.ui.internal;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.TypedRegion;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;

/**
 * Colours only the lines on screen (and a few around them), for documents too large for JFace's presentation
 * reconciler, which colours the whole document when it is set. The language's own scanner does the work, through the
 * same damager/repairer the small-file editor uses; styles of lines scrolled away are dropped.
 */
final class VisibleColouring {
    private static final int MARGIN_LINES = 20;

    private final SourceViewer viewer;
    private final DefaultDamagerRepairer repairer;
    private boolean scheduled;
    private int colouredFrom = -1;
    private int colouredTo = -1;
    private long colouredWindow = -1;

    VisibleColouring(SourceViewer viewer, Language language) {
        this.viewer = viewer;
        this.repairer = new DefaultDamagerRepairer(Lexers.forPartition(language, IDocument.DEFAULT_CONTENT_TYPE));
        repairer.setDocument(viewer.getDocument());
        viewer.addViewportListener(top -> schedule());
        viewer.getTextWidget().addListener(SWT.Resize, event -> schedule());
        schedule();
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            viewer.getTextWidget().getDisplay().asyncExec(this::colour);
        }
    }

    /** Colours the visible lines now; also what a test calls before looking at the styles. */
    void colour() {
        scheduled = false;
        StyledText text = viewer.getTextWidget();
        IDocument document = viewer.getDocument();
        if (text.isDisposed() || document == null) {
            return;
        }
        try {
            // widget lines: the widget may show only a window of the document (see TextWindow)
            int lines = text.getLineCount();
            int top = Math.max(0, text.getTopIndex() - MARGIN_LINES);
            int visible = Math.max(1, text.getClientArea().height / Math.max(1, text.getLineHeight()));
            int bottom = Math.min(lines - 1, text.getTopIndex() + visible + MARGIN_LINES);
            int from = viewer.widgetOffset2ModelOffset(text.getOffsetAtLine(top));
            int to = viewer.widgetOffset2ModelOffset(
                    text.getOffsetAtLine(bottom) + text.getLine(bottom).length());
            if (from < 0 || to < from) {
                return;
            }
            // a window moved over the same lines is new content without styles
            long window = ((long) viewer.getVisibleRegion().getOffset() << 32) | text.getCharCount();
            if (from == colouredFrom && to == colouredTo && window == colouredWindow) {
                return;
            }
            TextPresentation presentation =
                    new TextPresentation(new org.eclipse.jface.text.Region(from, to - from), 64);
            repairer.createPresentation(presentation, new TypedRegion(from, to - from, IDocument.DEFAULT_CONTENT_TYPE));
            text.setStyleRanges(new StyleRange[0]);
            viewer.changeTextPresentation(presentation, false);
            colouredFrom = from;
            colouredTo = to;
            colouredWindow = window;
        } catch (IllegalArgumentException e) {
            // the viewport moved past the document while this was queued; the next move colours again
        }
    }
}
