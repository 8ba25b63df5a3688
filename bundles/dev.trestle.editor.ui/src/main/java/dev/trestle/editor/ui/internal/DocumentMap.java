package dev.trestle.editor.ui.internal;

import java.util.Iterator;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * A miniature of the whole document beside the text: a bar per line (or per group of lines when the file is taller
 * than the map), as long as the line and coloured like its first token; the visible part as a translucent slider
 * that scrolls the text when clicked or dragged; unsaved changes as marks on the left edge, the find bar's matches
 * and annotations on the right.
 */
final class DocumentMap {
    static final int WIDTH = DocumentMaps.WIDTH;
    private static final int MAX_ROW_HEIGHT = 3;

    private final Canvas canvas;
    private final ISourceViewer viewer;
    private final LineStyles lineStyles;
    private final ChangedLines changed;
    private final Supplier<Optional<Pattern>> search;
    private final SearchHits hits = new SearchHits();

    DocumentMap(
            Composite parent,
            ISourceViewer viewer,
            LineStyles lineStyles,
            ChangedLines changed,
            Supplier<Optional<Pattern>> search) {
        this.viewer = viewer;
        this.lineStyles = lineStyles;
        this.changed = changed;
        this.search = search;
        canvas = DocumentMaps.canvas(parent, this::paint, this::scrollTo);
        StyledText text = viewer.getTextWidget();
        Runnable redraw = () -> {
            if (!canvas.isDisposed()) {
                canvas.redraw();
            }
        };
        text.addListener(SWT.Modify, event -> redraw.run());
        text.addListener(SWT.Resize, event -> redraw.run());
        text.getVerticalBar().addListener(SWT.Selection, event -> redraw.run());
        viewer.addViewportListener(offset -> redraw.run());
    }

    Canvas control() {
        return canvas;
    }

    static GridData layoutData() {
        return DocumentMaps.layoutData();
    }

    /** Lines shown by one pixel row when the document does not fit; 0 means each line gets rowHeight pixels. */
    private Geometry geometry() {
        int lines = Math.max(1, viewer.getDocument().getNumberOfLines());
        int height = Math.max(1, canvas.getClientArea().height);
        int rowHeight = Math.max(1, Math.min(MAX_ROW_HEIGHT, height / lines));
        int linesPerRow = Math.max(1, (lines + height - 1) / height);
        return new Geometry(lines, rowHeight, rowHeight == 1 ? linesPerRow : 1);
    }

    private record Geometry(int lines, int rowHeight, int linesPerRow) {
        int y(int line) {
            return line / linesPerRow * rowHeight;
        }

        int line(int y) {
            return Math.max(0, Math.min(lines - 1, y / rowHeight * linesPerRow));
        }
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        DocumentMaps.paintBackground(gc, area);
        IDocument document = viewer.getDocument();
        if (document == null) {
            return;
        }
        Geometry g = geometry();
        for (int line = 0; line < g.lines && g.y(line) < area.height; line += g.linesPerRow) {
            paintLine(gc, document, line, g);
        }
        paintMarks(gc, g, area);
        StyledText text = viewer.getTextWidget();
        int top = text.getTopIndex();
        int visible = Math.max(1, text.getClientArea().height / Math.max(1, text.getLineHeight()));
        int y = g.y(top);
        int height = Math.max(6, g.y(top + visible) - y);
        DocumentMaps.paintSlider(gc, area, y, height);
    }

    private void paintLine(GC gc, IDocument document, int line, Geometry g) {
        try {
            IRegion region = document.getLineInformation(line);
            String head = document.get(region.getOffset(), Math.min(region.getLength(), WIDTH * 2));
            int indent = 0;
            while (indent < head.length() && Character.isWhitespace(head.charAt(indent))) {
                indent++;
            }
            int length = Math.min(region.getLength(), WIDTH * 2) - indent;
            if (length <= 0) {
                return;
            }
            Style style = lineStyles.firstStyle(document, region.getOffset() + indent, region.getLength() - indent);
            gc.setBackground(DocumentMaps.bar(style));
            gc.fillRectangle(
                    2 + indent / 2,
                    g.y(line),
                    Math.max(1, length / 2),
                    Math.max(1, g.rowHeight - (g.rowHeight > 1 ? 1 : 0)));
        } catch (BadLocationException e) {
            // the line went away between counting and painting; the next paint shows the new text
        }
    }

    /** The lines the find bar's search matches, as the map marks them. */
    int[] searchHitLines() {
        Optional<Pattern> pattern = search.get();
        return pattern.isEmpty() ? new int[0] : hits.lines(viewer.getDocument(), pattern.get());
    }

    private void paintMarks(GC gc, Geometry g, Rectangle area) {
        gc.setBackground(DocumentMaps.CHANGED);
        for (int[] range : changed.lineRanges()) {
            gc.fillRectangle(0, g.y(range[0]), 2, Math.max(2, g.y(range[1]) - g.y(range[0]) + g.rowHeight));
        }
        gc.setBackground(DocumentMaps.HIT);
        for (int line : searchHitLines()) {
            gc.fillRectangle(area.width - 14, Math.max(0, g.y(line) - 1), 5, 3);
        }
        IAnnotationModel model = viewer.getAnnotationModel();
        if (model == null) {
            return;
        }
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext(); ) {
            Annotation annotation = it.next();
            Position position = model.getPosition(annotation);
            if (position == null
                    || position.isDeleted()
                    || !annotation.getType().startsWith("dev.trestle.annotation.")) {
                continue;
            }
            try {
                int y = g.y(viewer.getDocument().getLineOfOffset(position.getOffset()));
                gc.setBackground(MarkerTypes.color(annotation.getType()));
                gc.fillRectangle(area.width - 8, Math.max(0, y - 1), 8, 4);
            } catch (BadLocationException e) {
                // an annotation left behind by an edit; the model re-synchronises it
            }
        }
    }

    private void scrollTo(Event event) {
        Geometry g = geometry();
        StyledText text = viewer.getTextWidget();
        int visible = Math.max(1, text.getClientArea().height / Math.max(1, text.getLineHeight()));
        // the click becomes the middle of the visible region, as in VS Code's minimap
        text.setTopIndex(Math.max(0, g.line(event.y) - visible / 2));
        canvas.redraw();
    }
}
