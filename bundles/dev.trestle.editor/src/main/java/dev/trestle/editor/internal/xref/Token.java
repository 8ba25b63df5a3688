package dev.trestle.editor.internal.xref;

/**
 * One lexical item. {@code directive} marks tokens of a {@code #define} body: they are uses of names, but not part
 * of the surrounding declarations.
 */
record Token(Kind kind, String text, int line, int column, boolean directive) {
    enum Kind {
        IDENT,
        PUNCT,
        NUMBER,
        STRING,
        /** The name a {@code #define} defines. */
        DEFINE,
        /** {@code #if}, {@code #ifdef}, {@code #ifndef}. */
        COND_IF,
        /** {@code #elif}, {@code #else} and their C23 forms. */
        COND_ELSE,
        COND_ENDIF
    }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    boolean isIdent() {
        return kind == Kind.IDENT;
    }
}
