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

    /**
     * By position alone, which tells the tokens of one file apart: the record's own hash of every field cost a tenth
     * of indexing a tree, in the parser's map of names already recorded.
     */
    @Override
    public int hashCode() {
        return line * 1_000_003 + column;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token token
                && line == token.line
                && column == token.column
                && directive == token.directive
                && kind == token.kind
                && text.equals(token.text);
    }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    boolean isIdent() {
        return kind == Kind.IDENT;
    }
}
