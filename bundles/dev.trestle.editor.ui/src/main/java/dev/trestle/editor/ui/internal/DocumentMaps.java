package dev.trestle.editor.ui.internal;

import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/** What the document maps of small and large files share: their canvas, width, colours, slider and dragging. */
final class DocumentMaps {
    static final int WIDTH = 90;
    static final Color BACKGROUND = new Color(0xf6, 0xf6, 0xf2);
    static final Color SLIDER = new Color(0x40, 0x60, 0xa0);
    /** Plain text in its near-black would drown the coloured lines the map is for. */
    static final Color PLAIN = new Color(0xa0, 0xa0, 0xa0);

    static final Color CHANGED = new Color(0x30, 0xa0, 0x40);
    static final Color HIT = new Color(0xe0, 0x80, 0x10);

    private DocumentMaps() {}

    /** Full height beside the text, {@link #WIDTH} pixels wide. */
    static GridData layoutData() {
        GridData data = new GridData(SWT.FILL, SWT.FILL, false, true);
        data.widthHint = WIDTH;
        return data;
    }

    /**
     * The map's canvas, painted by {@code paint}; a click, and every move while the button is down, goes to {@code
     * scrollTo}, so the slider can be dragged.
     */
    static Canvas canvas(Composite parent, Consumer<GC> paint, Consumer<Event> scrollTo) {
        Canvas canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addListener(SWT.Paint, event -> paint.accept(event.gc));
        boolean[] dragging = {false};
        canvas.addListener(SWT.MouseDown, event -> {
            dragging[0] = true;
            scrollTo.accept(event);
        });
        canvas.addListener(SWT.MouseMove, event -> {
            if (dragging[0]) {
                scrollTo.accept(event);
            }
        });
        canvas.addListener(SWT.MouseUp, event -> dragging[0] = false);
        return canvas;
    }

    static void paintBackground(GC gc, Rectangle area) {
        gc.setBackground(BACKGROUND);
        gc.fillRectangle(area);
    }

    /** The part on screen: translucent, with a frame that stays visible over any colour. */
    static void paintSlider(GC gc, Rectangle area, int top, int height) {
        gc.setAlpha(70);
        gc.setBackground(SLIDER);
        gc.fillRectangle(0, top, area.width, height);
        gc.setAlpha(255);
        gc.setForeground(SLIDER);
        gc.setLineWidth(2);
        gc.drawRectangle(1, top + 1, area.width - 2, height - 2);
        gc.setLineWidth(1);
    }

    static Color bar(Style style) {
        return style == Style.PLAIN ? PLAIN : style.color();
    }
}
