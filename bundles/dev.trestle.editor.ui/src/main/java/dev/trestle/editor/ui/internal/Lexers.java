package dev.trestle.editor.ui.internal;

import java.util.regex.Pattern;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;

/**
 * The scanners that colour each language's text. Multi-line constructs of C and Java (block comments, strings) are
 * found by {@link Partitions} first, so these scanners only see the code between them and can work line by line,
 * which is what lets {@code DefaultDamagerRepairer} re-colour no more than the damaged lines.
 */
final class Lexers {
    private static final Pattern HEX_WORD = Pattern.compile("[0-9a-f]{8,}");
    private static final Pattern ERRNO = Pattern.compile("E[A-Z0-9]{2,}");

    private Lexers() {}

    /** The scanner for one partition type of a language's document. */
    static ITokenScanner forPartition(Language language, String contentType) {
        return switch (contentType) {
            case Partitions.COMMENT -> whole(Style.COMMENT);
            case Partitions.STRING -> whole(Style.STRING);
            case Partitions.CHAR -> whole(Style.CHAR);
            default -> forCode(language);
        };
    }

    static RuleBasedScanner forCode(Language language) {
        return switch (language) {
            case C ->
                scanner(
                        new EndOfLineRule("#", Style.PREPROCESSOR.token(), '\\'),
                        IdentifierRule.cLike((word, next) -> Keywords.C.contains(word)
                                ? Style.KEYWORD
                                : Keywords.C_TYPES.contains(word) ? Style.TYPE : null),
                        new NumberRule(Style.NUMBER, Style.NUMBER));
            case JAVA ->
                scanner(
                        IdentifierRule.cLike((word, next) -> word.startsWith("@")
                                ? Style.PREPROCESSOR
                                : Keywords.JAVA.contains(word)
                                        ? Style.KEYWORD
                                        : Keywords.JAVA_TYPES.contains(word) ? Style.TYPE : null),
                        new NumberRule(Style.NUMBER, Style.NUMBER));
            case MAKE ->
                scanner(
                        new DollarRule(),
                        new EndOfLineRule("#", Style.COMMENT.token()),
                        quoted('"', Style.STRING),
                        quoted('\'', Style.STRING),
                        new IdentifierRule(
                                c -> Character.isLetter(c) || c == '_' || c == '.' || c == '-',
                                c -> Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '/',
                                (word, next) -> Keywords.MAKE.contains(word)
                                        ? Style.KEYWORD
                                        : next == ':' ? Style.TYPE : null));
            case SHELL ->
                scanner(
                        new DollarRule(),
                        quoted('"', Style.STRING),
                        quoted('\'', Style.STRING),
                        new EndOfLineRule("#", Style.COMMENT.token()),
                        new IdentifierRule(
                                c -> Character.isLetter(c) || c == '_',
                                c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.',
                                (word, next) -> Keywords.SHELL.contains(word) ? Style.KEYWORD : null),
                        new NumberRule(Style.NUMBER, Style.NUMBER));
            case STRACE ->
                scanner(
                        new SingleLineRule("---", "---", Style.SIGNAL.token()),
                        new SingleLineRule("+++", "+++", Style.SIGNAL.token()),
                        new SingleLineRule("= -1", " ", Style.ERROR.token()),
                        new SingleLineRule("<", ">", Style.COMMENT.token()),
                        quoted('"', Style.STRING),
                        IdentifierRule.cLike(Lexers::straceWord),
                        new NumberRule(Style.NUMBER, Style.ADDRESS));
            case KERNEL_LOG ->
                scanner(
                        new EndOfLineRule("WARNING:", Style.WARNING.token()),
                        new EndOfLineRule("BUG:", Style.ERROR.token()),
                        new EndOfLineRule("Oops", Style.ERROR.token()),
                        new EndOfLineRule("Kernel panic", Style.ERROR.token()),
                        new EndOfLineRule("general protection fault", Style.ERROR.token()),
                        new EndOfLineRule("Call Trace:", Style.KEYWORD.token()),
                        new EndOfLineRule("? ", Style.COMMENT.token()),
                        new SingleLineRule("[", "]", Style.NUMBER.token()),
                        IdentifierRule.cLike(Lexers::kernelWord),
                        new NumberRule(Style.NUMBER, Style.ADDRESS));
            case TEXT -> scanner();
        };
    }

    private static Style straceWord(String word, int next) {
        if (next == '(') {
            return Style.SYSCALL;
        }
        if (word.startsWith("SIG") && word.length() > 3 && word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
            return Style.SIGNAL;
        }
        return ERRNO.matcher(word).matches() ? Style.ERROR : null;
    }

    private static Style kernelWord(String word, int next) {
        if (HEX_WORD.matcher(word).matches()) {
            return Style.ADDRESS;
        }
        // a frame: symbol+0x1a/0x40
        return next == '+' ? Style.SYSCALL : null;
    }

    private static IRule quoted(char quote, Style style) {
        return new SingleLineRule(String.valueOf(quote), String.valueOf(quote), style.token(), '\\');
    }

    private static RuleBasedScanner scanner(IRule... rules) {
        RuleBasedScanner scanner = new RuleBasedScanner();
        IRule[] all = new IRule[rules.length + 1];
        all[0] = new WhitespaceRule(Character::isWhitespace);
        System.arraycopy(rules, 0, all, 1, rules.length);
        scanner.setRules(all);
        scanner.setDefaultReturnToken(Style.PLAIN.token());
        return scanner;
    }

    /** One token for the whole range: a comment or string partition is uniform, and per-character tokens are slow. */
    private static RuleBasedScanner whole(Style style) {
        RuleBasedScanner scanner = new RuleBasedScanner();
        scanner.setRules(new IRule[] {
            characters -> {
                if (characters.read() == ICharacterScanner.EOF) {
                    // an empty token would be returned for ever
                    characters.unread();
                    return Token.UNDEFINED;
                }
                while (characters.read() != ICharacterScanner.EOF) {
                    // up to the end of the range
                }
                characters.unread();
                return style.token();
            }
        });
        scanner.setDefaultReturnToken(style.token());
        return scanner;
    }

    /** The content types a language's document is split into. */
    static String[] contentTypes(Language language) {
        return language.hasCodePartitions()
                ? new String[] {IDocument.DEFAULT_CONTENT_TYPE, Partitions.COMMENT, Partitions.STRING, Partitions.CHAR}
                : new String[] {IDocument.DEFAULT_CONTENT_TYPE};
    }
}
