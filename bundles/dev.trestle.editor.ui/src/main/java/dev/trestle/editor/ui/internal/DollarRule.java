package dev.trestle.editor.ui.internal;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/**
 * A make or shell expansion: {@code $(CC)}, {@code ${name:-x}}, {@code $@}, {@code $HOME}. Brackets nest, so
 * {@code $(patsubst %.c,%.o,$(SRC))} is one token; an expansion never crosses a line end.
 */
final class DollarRule implements IRule {
    @Override
    public IToken evaluate(ICharacterScanner scanner) {
        if (scanner.read() != '$') {
            scanner.unread();
            return Token.UNDEFINED;
        }
        int c = scanner.read();
        if (c == '(' || c == '{') {
            readBracketed(scanner);
        } else if (Character.isLetter(c) || c == '_') {
            while ((c = scanner.read()) != ICharacterScanner.EOF && (Character.isLetterOrDigit(c) || c == '_')) {
                // the name goes on
            }
            scanner.unread();
        } else if (c == ICharacterScanner.EOF || c == '\n' || c == '\r') {
            scanner.unread();
        }
        // any other character is a one-character special: $@ $< $^ $# $? $$ $1
        return Style.VARIABLE.token();
    }

    private static void readBracketed(ICharacterScanner scanner) {
        int depth = 1;
        int c;
        while (depth > 0 && (c = scanner.read()) != ICharacterScanner.EOF) {
            if (c == '\n' || c == '\r') {
                scanner.unread();
                return;
            }
            if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            }
        }
    }
}
