package dev.trestle.editor.ui.internal;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/**
 * Decimal, hex and floating literals with their suffixes ({@code 0x1fUL}, {@code 1.5e-3f}). Hex numbers get their own
 * style so that logs can show addresses differently from counts.
 */
final class NumberRule implements IRule {
    private final Style decimal;
    private final Style hex;

    NumberRule(Style decimal, Style hex) {
        this.decimal = decimal;
        this.hex = hex;
    }

    @Override
    public IToken evaluate(ICharacterScanner scanner) {
        int c = scanner.read();
        if (c < '0' || c > '9') {
            scanner.unread();
            return Token.UNDEFINED;
        }
        boolean isHex = false;
        if (c == '0') {
            int x = scanner.read();
            if (x == 'x' || x == 'X') {
                isHex = true;
            } else {
                scanner.unread();
            }
        }
        int previous = c;
        while ((c = scanner.read()) != ICharacterScanner.EOF && continues(c, previous, isHex)) {
            previous = c;
        }
        scanner.unread();
        return (isHex ? hex : decimal).token();
    }

    private static boolean continues(int c, int previous, boolean hex) {
        if (Character.isLetterOrDigit(c) || c == '.' || c == '\'') {
            return true;
        }
        // the sign of an exponent: 1e-3, but not 0x1e-3 where e is a digit
        return !hex && (c == '-' || c == '+') && (previous == 'e' || previous == 'E');
    }
}
