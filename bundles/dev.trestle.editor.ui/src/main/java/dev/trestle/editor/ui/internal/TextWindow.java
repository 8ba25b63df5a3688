package dev.trestle.editor.ui.internal;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;

/**
 * Keeps a window of a few megabytes of a {@link LargeDocument} in the text widget (JFace's visible region) and
 * moves it as the user scrolls, with the file's {@link LargeFileMap} beside it as the scroll bar. StyledText does work for every line of
 * its content when the content is set (a gigabyte log has ten million lines), so it is never given the whole file:
 * opening costs the same for any size, and the window follows the caret and the scroll position.
 */
final class TextWindow {
    /** Bytes in the widget at once. */
    static final int SIZE = 1 << 20;

    private final SourceViewer viewer;
    private final LargeDocument document;
    private final LargeFileMap map;
    private boolean moving;

    TextWindow(SourceViewer viewer, LargeDocument document, LargeFileMap map) {
        this.viewer = viewer;
        this.document = document;
        this.map = map;
        map.onScroll(offset -> scrollTo((int) offset));
        viewer.addViewportListener(top -> followViewport());
        viewer.getTextWidget().addListener(SWT.Resize, event -> updateMap());
        updateMap();
    }

    /** The region of the document to show first, before the viewer has one. */
    static IRegion initialRegion(LargeDocument document) {
        return regionAround(document, 0);
    }

    /** Moves the window so that it holds {@code offset} (a document offset) with room on both sides. */
    void showAround(int offset) {
        IRegion region = viewer.getVisibleRegion();
        int margin = SIZE / 8;
        boolean inside = offset >= region.getOffset() && offset <= region.getOffset() + region.getLength();
        boolean roomBefore = region.getOffset() == 0 || offset - region.getOffset() >= margin;
        boolean roomAfter = region.getOffset() + region.getLength() == document.getLength()
                || region.getOffset() + region.getLength() - offset >= margin;
        if (inside && roomBefore && roomAfter) {
            return;
        }
        IRegion around = regionAround(document, offset);
        StyledText text = viewer.getTextWidget();
        int top = viewer.widgetOffset2ModelOffset(text.getOffsetAtLine(text.getTopIndex()));
        Point selection = viewer.getSelectedRange();
        moving = true;
        try {
            viewer.setVisibleRegion(around.getOffset(), around.getLength());
            restore(top, selection);
        } finally {
            moving = false;
        }
    }

    /** Scrolls so that the line holding {@code offset} is at the top, moving the window if needed. */
    void scrollTo(int offset) {
        showAround(offset);
        int widgetOffset = viewer.modelOffset2WidgetOffset(offset);
        if (widgetOffset >= 0) {
            viewer.getTextWidget().setTopIndex(viewer.getTextWidget().getLineAtOffset(widgetOffset));
        }
        updateMap();
    }

    private void restore(int top, Point selection) {
        StyledText text = viewer.getTextWidget();
        int widgetTop = viewer.modelOffset2WidgetOffset(top);
        if (widgetTop >= 0) {
            text.setTopIndex(text.getLineAtOffset(widgetTop));
        }
        if (viewer.modelOffset2WidgetOffset(selection.x) >= 0
                && viewer.modelOffset2WidgetOffset(selection.x + selection.y) >= 0) {
            viewer.setSelectedRange(selection.x, selection.y);
        }
    }

    /** Near either end of the window, moves it on so that scrolling and the caret never meet its edge. */
    private void followViewport() {
        if (moving) {
            return;
        }
        StyledText text = viewer.getTextWidget();
        int lines = text.getLineCount();
        int top = text.getTopIndex();
        int visible = Math.max(1, text.getClientArea().height / Math.max(1, text.getLineHeight()));
        IRegion region = viewer.getVisibleRegion();
        boolean nearStart = region.getOffset() > 0 && top < lines / 8;
        boolean nearEnd =
                region.getOffset() + region.getLength() < document.getLength() && top + visible > lines - lines / 8;
        if (nearStart || nearEnd) {
            showAround(viewer.widgetOffset2ModelOffset(text.getOffsetAtLine(top)));
        }
        updateMap();
    }

    /** Tells the map which bytes are on screen: from the top line to the end of the last visible one. */
    private void updateMap() {
        StyledText text = viewer.getTextWidget();
        if (text.isDisposed()) {
            return;
        }
        int topLine = text.getTopIndex();
        int visible = Math.max(1, text.getClientArea().height / Math.max(1, text.getLineHeight()));
        int lastLine = Math.min(text.getLineCount() - 1, topLine + visible);
        int top = viewer.widgetOffset2ModelOffset(text.getOffsetAtLine(topLine));
        int bottom = viewer.widgetOffset2ModelOffset(text.getOffsetAtLine(lastLine));
        map.showViewport(top, Math.max(0, bottom - top));
    }

    /** {@link #SIZE} bytes around {@code offset}, cut at line starts (found by scanning back, never by counting). */
    private static IRegion regionAround(LargeDocument document, int offset) {
        int length = document.getLength();
        int wantedStart = (int) Math.max(0, Math.min(offset - SIZE / 2L, (long) length - SIZE));
        int wantedEnd = (int) Math.min(length, (long) wantedStart + SIZE);
        int start = document.lineStartNear(wantedStart, SIZE / 4);
        int end = wantedEnd;
        if (end < length) {
            int cut = document.lineStartNear(end, SIZE / 4);
            end = cut > start ? cut : end;
        }
        return new Region(start, end - start);
    }
}
