package dev.trestle.editor.ui.internal;

import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/**
 * Reads one identifier and lets a classifier decide from the word and the character after it (a syscall is a name
 * followed by {@code (}). Unlike {@code WordRule} it consumes an unclassified word as plain text, so that the tail of
 * {@code foo_if} is never taken for the keyword {@code if}.
 */
final class IdentifierRule implements IRule {
    private final IntPredicate start;
    private final IntPredicate part;
    private final BiFunction<String, Integer, Style> classifier;

    IdentifierRule(IntPredicate start, IntPredicate part, BiFunction<String, Integer, Style> classifier) {
        this.start = start;
        this.part = part;
        this.classifier = classifier;
    }

    static IdentifierRule cLike(BiFunction<String, Integer, Style> classifier) {
        return new IdentifierRule(
                c -> Character.isLetter(c) || c == '_' || c == '@',
                c -> Character.isLetterOrDigit(c) || c == '_',
                classifier);
    }

    @Override
    public IToken evaluate(ICharacterScanner scanner) {
        int c = scanner.read();
        if (c == ICharacterScanner.EOF || !start.test(c)) {
            scanner.unread();
            return Token.UNDEFINED;
        }
        StringBuilder word = new StringBuilder().append((char) c);
        while ((c = scanner.read()) != ICharacterScanner.EOF && part.test(c)) {
            word.append((char) c);
        }
        scanner.unread();
        Style style = classifier.apply(word.toString(), c);
        return style == null ? Style.PLAIN.token() : style.token();
    }
}
