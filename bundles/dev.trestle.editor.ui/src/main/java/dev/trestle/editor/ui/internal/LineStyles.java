package dev.trestle.editor.ui.internal;

import java.util.List;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.RuleBasedScanner;

/**
 * The style of a line's first token, for the document map. It asks the partitioner and scans a short head of the
 * line rather than reading the viewer's styles, because the map shows lines the viewer has never coloured.
 */
final class LineStyles {
    private static final int HEAD = 64;
    private final RuleBasedScanner code;

    LineStyles(Language language) {
        code = Lexers.forCode(language);
    }

    /** Styles a line's bar may take on a large file's map, the most telling first: an error outweighs the rest. */
    private static final List<Style> TELLING = List.of(
            Style.ERROR,
            Style.WARNING,
            Style.SIGNAL,
            Style.SYSCALL,
            Style.KEYWORD,
            Style.PREPROCESSOR,
            Style.TYPE,
            Style.COMMENT,
            Style.STRING,
            Style.CHAR,
            Style.VARIABLE,
            Style.ADDRESS,
            Style.NUMBER);

    /**
     * The most telling style of a whole line (scanned by the code lexer only, without partitions): a log line's
     * error at its end outweighs the process id and time it starts with.
     */
    Style mostTellingStyle(IDocument document, int offset, int length) {
        Style best = Style.PLAIN;
        code.setRange(document, offset, length);
        for (IToken token = code.nextToken(); !token.isEOF(); token = code.nextToken()) {
            Style style = token.isWhitespace() ? Style.PLAIN : Style.of(token);
            if (style != Style.PLAIN && (best == Style.PLAIN || TELLING.indexOf(style) < TELLING.indexOf(best))) {
                best = style;
            }
        }
        return best;
    }

    Style firstStyle(IDocument document, int offset, int length) {
        if (length <= 0) {
            return Style.PLAIN;
        }
        try {
            Style partition = switch (document.getContentType(offset)) {
                case Partitions.COMMENT -> Style.COMMENT;
                case Partitions.STRING -> Style.STRING;
                case Partitions.CHAR -> Style.CHAR;
                default -> null;
            };
            if (partition != null) {
                return partition;
            }
        } catch (BadLocationException e) {
            return Style.PLAIN;
        }
        code.setRange(document, offset, Math.min(length, HEAD));
        for (IToken token = code.nextToken(); !token.isEOF(); token = code.nextToken()) {
            if (!token.isWhitespace()) {
                return Style.of(token);
            }
        }
        return Style.PLAIN;
    }
}
