package dev.trestle.editor.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;

/** What the document maps of small and large files share: their width, colours and slider. */
final class MapColours {
    static final int WIDTH = 90;
    static final Color BACKGROUND = new Color(0xf6, 0xf6, 0xf2);
    static final Color SLIDER = new Color(0x40, 0x60, 0xa0);
    /** Plain text in its near-black would drown the coloured lines the map is for. */
    static final Color PLAIN = new Color(0xa0, 0xa0, 0xa0);

    static final Color CHANGED = new Color(0x30, 0xa0, 0x40);
    static final Color HIT = new Color(0xe0, 0x80, 0x10);

    private MapColours() {}

    /** Full height beside the text, {@link #WIDTH} pixels wide. */
    static GridData layoutData() {
        GridData data = new GridData(SWT.FILL, SWT.FILL, false, true);
        data.widthHint = WIDTH;
        return data;
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
