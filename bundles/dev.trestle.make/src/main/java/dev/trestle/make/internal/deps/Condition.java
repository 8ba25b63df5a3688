package dev.trestle.make.internal.deps;

import dev.trestle.make.internal.deps.Token.Kind;
import java.util.List;

/**
 * Evaluates an expanded {@code #if} expression in intmax/uintmax arithmetic. {@code null} means undecidable: an
 * unknown macro, a construct the scanner does not model, or a malformed expression; the scanner then follows both
 * branches. Short-circuit operators decide where one side suffices ({@code 0 && ?} is 0).
 */
final class Condition {
    private record Value(long v, boolean unsigned) {
        static final Value ZERO = new Value(0, false);
        static final Value ONE = new Value(1, false);

        boolean isTrue() {
            return v != 0;
        }
    }

    private final List<Token> tokens;
    private int pos;
    private final boolean unknownIdentifiers;

    private Condition(List<Token> tokens, boolean unknownIdentifiers) {
        this.tokens = tokens;
        this.unknownIdentifiers = unknownIdentifiers;
    }

    /**
     * @param unknownIdentifiers whether an identifier left after expansion is undecidable instead of 0
     */
    static Boolean evaluate(List<Token> expanded, boolean unknownIdentifiers) {
        Condition c = new Condition(expanded, unknownIdentifiers);
        try {
            Value v = c.ternary();
            return c.pos == expanded.size() && v != null ? v.isTrue() : null;
        } catch (IllegalStateException | NumberFormatException | ArithmeticException e) {
            return null; // malformed: undecidable, so both branches are followed
        }
    }

    private Value ternary() {
        Value c = binary(0);
        if (!accept("?")) {
            return c;
        }
        Value a = ternary();
        expect(":");
        Value b = ternary();
        if (c == null) {
            return a != null && b != null && a.v == b.v ? a : null;
        }
        return c.isTrue() ? a : b;
    }

    private static final String[][] LEVELS = {
        {"||"},
        {"&&"},
        {"|"},
        {"^"},
        {"&"},
        {"==", "!="},
        {"<", ">", "<=", ">="},
        {"<<", ">>"},
        {"+", "-"},
        {"*", "/", "%"}
    };

    private Value binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        Value left = binary(level + 1);
        for (String op = operator(level); op != null; op = operator(level)) {
            pos++;
            Value right = binary(level + 1);
            left = apply(op, left, right);
        }
        return left;
    }

    private String operator(int level) {
        if (pos < tokens.size() && tokens.get(pos).kind() == Kind.PUNCTUATOR) {
            for (String op : LEVELS[level]) {
                if (tokens.get(pos).text().equals(op)) {
                    return op;
                }
            }
        }
        return null;
    }

    private static Value apply(String op, Value a, Value b) {
        if (op.equals("&&")) {
            return (a != null && !a.isTrue()) || (b != null && !b.isTrue())
                    ? Value.ZERO
                    : a == null || b == null ? null : Value.ONE;
        }
        if (op.equals("||")) {
            return (a != null && a.isTrue()) || (b != null && b.isTrue())
                    ? Value.ONE
                    : a == null || b == null ? null : Value.ZERO;
        }
        if (a == null || b == null) {
            return null;
        }
        boolean u = a.unsigned || b.unsigned;
        return switch (op) {
            case "|" -> new Value(a.v | b.v, u);
            case "^" -> new Value(a.v ^ b.v, u);
            case "&" -> new Value(a.v & b.v, u);
            case "==" -> bool(a.v == b.v);
            case "!=" -> bool(a.v != b.v);
            case "<" -> bool(compare(a, b, u) < 0);
            case ">" -> bool(compare(a, b, u) > 0);
            case "<=" -> bool(compare(a, b, u) <= 0);
            case ">=" -> bool(compare(a, b, u) >= 0);
            case "<<" -> new Value(a.v << b.v, a.unsigned);
            case ">>" -> new Value(a.unsigned ? a.v >>> b.v : a.v >> b.v, a.unsigned);
            case "+" -> new Value(a.v + b.v, u);
            case "-" -> new Value(a.v - b.v, u);
            case "*" -> new Value(a.v * b.v, u);
            case "/" -> b.v == 0 ? null : new Value(u ? Long.divideUnsigned(a.v, b.v) : a.v / b.v, u);
            case "%" -> b.v == 0 ? null : new Value(u ? Long.remainderUnsigned(a.v, b.v) : a.v % b.v, u);
            default -> throw new IllegalStateException(op);
        };
    }

    private static int compare(Value a, Value b, boolean unsigned) {
        return unsigned ? Long.compareUnsigned(a.v, b.v) : Long.compare(a.v, b.v);
    }

    private static Value bool(boolean b) {
        return b ? Value.ONE : Value.ZERO;
    }

    private Value unary() {
        if (accept("!")) {
            Value v = unary();
            return v == null ? null : bool(!v.isTrue());
        } else if (accept("-")) {
            Value v = unary();
            return v == null ? null : new Value(-v.v, v.unsigned);
        } else if (accept("+")) {
            return unary();
        } else if (accept("~")) {
            Value v = unary();
            return v == null ? null : new Value(~v.v, v.unsigned);
        }
        return primary();
    }

    private Value primary() {
        if (accept("(")) {
            Value v = ternary();
            expect(")");
            return v;
        }
        if (pos >= tokens.size()) {
            throw new IllegalStateException("expression ends early");
        }
        Token t = tokens.get(pos++);
        return switch (t.kind()) {
            case NUMBER -> Numbers.integer(t.text());
            case CHARACTER -> new Value(Numbers.character(t.text()), false);
            case IDENTIFIER -> unknownIdentifiers ? null : t.text().equals("true") ? Value.ONE : Value.ZERO;
            case UNKNOWN -> null;
            default -> throw new IllegalStateException("unexpected " + t.text());
        };
    }

    private boolean accept(String punctuator) {
        if (pos < tokens.size() && tokens.get(pos).is(punctuator)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String punctuator) {
        if (!accept(punctuator)) {
            throw new IllegalStateException("expected " + punctuator);
        }
    }

    /** Integer and character constants. */
    private static final class Numbers {
        static Value integer(String text) {
            String digits = text.toLowerCase(java.util.Locale.ROOT).replace("'", "");
            boolean unsigned = false;
            while (digits.endsWith("u") || digits.endsWith("l")) {
                unsigned |= digits.endsWith("u");
                digits = digits.substring(0, digits.length() - 1);
            }
            int radix = 10;
            if (digits.startsWith("0x")) {
                radix = 16;
                digits = digits.substring(2);
            } else if (digits.startsWith("0b")) {
                radix = 2;
                digits = digits.substring(2);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                radix = 8;
            }
            long v = Long.parseUnsignedLong(digits, radix);
            return new Value(v, unsigned || v < 0);
        }

        static long character(String text) {
            String body = text.substring(text.indexOf('\'') + 1, text.length() - 1);
            if (!body.startsWith("\\")) {
                return body.isEmpty() ? 0 : body.charAt(0);
            }
            char e = body.length() > 1 ? body.charAt(1) : '\\';
            return switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case '0', '1', '2', '3', '4', '5', '6', '7' -> Long.parseLong(body.substring(1), 8);
                case 'x' -> Long.parseLong(body.substring(2), 16);
                default -> e;
            };
        }
    }
}
