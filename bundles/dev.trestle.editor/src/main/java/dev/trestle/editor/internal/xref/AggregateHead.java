package dev.trestle.editor.internal.xref;

import dev.trestle.editor.xref.SymbolKind;

/**
 * Watches for {@code struct|union|enum|class NAME [: bases] {} at any depth, so that types declared inside
 * functions or other types are found too. The last name before the colon wins, which skips export macros such as
 * {@code class DLL_EXPORT Widget}.
 */
final class AggregateHead {
    private String keyword;
    private Token name;
    private boolean colon;

    void accept(Token token) {
        if (token.isIdent() && Keywords.isAggregate(token.text())) {
            if (!(token.text().equals("class") && "enum".equals(keyword))) { // enum class X: still an enum
                keyword = token.text();
                name = null;
                colon = false;
            }
        } else if (keyword == null || token.is("{")) {
            return;
        } else if (token.isIdent()) {
            if (!colon && !Keywords.isReserved(token.text())) {
                name = token;
            }
        } else if (token.is(":") && name != null) {
            colon = true;
        } else if (!(colon && (token.is("<") || token.is(">") || token.is(",")))) {
            reset();
        }
    }

    String keyword() {
        return keyword;
    }

    Token name() {
        return name;
    }

    SymbolKind kind() {
        return switch (keyword) {
            case "union" -> SymbolKind.UNION;
            case "enum" -> SymbolKind.ENUM;
            case "class" -> SymbolKind.CLASS;
            default -> SymbolKind.STRUCT;
        };
    }

    void reset() {
        keyword = null;
        name = null;
        colon = false;
    }
}
