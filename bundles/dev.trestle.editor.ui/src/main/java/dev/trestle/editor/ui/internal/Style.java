package dev.trestle.editor.ui.internal;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/**
 * What a lexer says a piece of text is. The colours are device-less SWT colours, so scanners can be built and
 * tested without a display, and one token per style is shared by every editor.
 */
enum Style {
    PLAIN(0x20, 0x20, 0x20, SWT.NORMAL),
    KEYWORD(0x7f, 0x00, 0x55, SWT.BOLD),
    TYPE(0x00, 0x50, 0x90, SWT.BOLD),
    PREPROCESSOR(0x80, 0x50, 0x00, SWT.NORMAL),
    STRING(0x2a, 0x00, 0xff, SWT.NORMAL),
    CHAR(0x00, 0x70, 0x70, SWT.NORMAL),
    COMMENT(0x3f, 0x7f, 0x5f, SWT.ITALIC),
    NUMBER(0x90, 0x30, 0x00, SWT.NORMAL),
    VARIABLE(0x00, 0x60, 0x00, SWT.NORMAL),
    SYSCALL(0x00, 0x40, 0xa0, SWT.BOLD),
    ERROR(0xd0, 0x00, 0x00, SWT.BOLD),
    SIGNAL(0xa0, 0x00, 0xa0, SWT.BOLD),
    WARNING(0xc0, 0x70, 0x00, SWT.BOLD),
    ADDRESS(0x70, 0x70, 0x70, SWT.NORMAL);

    private final Token token;
    private final int fontStyle;
    private final org.eclipse.swt.graphics.RGB original;
    private volatile Color color;

    Style(int red, int green, int blue, int fontStyle) {
        this.fontStyle = fontStyle;
        original = new org.eclipse.swt.graphics.RGB(red, green, blue);
        color = new Color(red, green, blue);
        token = new Token(new TextAttribute(color, null, fontStyle));
    }

    /** The colour the style has until the user's preferences say otherwise. */
    org.eclipse.swt.graphics.RGB defaultColour() {
        return original;
    }

    /** Gives every editor's text of this style {@code rgb}; they show it once their presentation is redrawn. */
    void recolour(org.eclipse.swt.graphics.RGB rgb) {
        color = new Color(rgb);
        token.setData(new TextAttribute(color, null, fontStyle));
    }

    IToken token() {
        return token;
    }

    Color color() {
        return color;
    }

    /** The style a scanner's token stands for; {@link #PLAIN} for whitespace and other undefined tokens. */
    static Style of(IToken token) {
        for (Style style : values()) {
            if (style.token == token) {
                return style;
            }
        }
        return PLAIN;
    }
}
