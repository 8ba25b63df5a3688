package dev.trestle.editor.internal.xref;

import java.util.Set;

/** Reserved words of C, C++ and the common compiler extensions: never symbols, so never recorded as references. */
final class Keywords {
    private static final Set<String> RESERVED = Set.of(
            "auto",
            "break",
            "case",
            "char",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extern",
            "float",
            "for",
            "goto",
            "if",
            "inline",
            "int",
            "long",
            "register",
            "restrict",
            "return",
            "short",
            "signed",
            "sizeof",
            "static",
            "struct",
            "switch",
            "typedef",
            "union",
            "unsigned",
            "void",
            "volatile",
            "while",
            "_Bool",
            "_Complex",
            "_Imaginary",
            "_Alignas",
            "_Alignof",
            "_Atomic",
            "_Generic",
            "_Noreturn",
            "_Static_assert",
            "_Thread_local",
            "bool",
            "true",
            "false",
            "nullptr",
            "class",
            "namespace",
            "template",
            "typename",
            "this",
            "new",
            "delete",
            "public",
            "private",
            "protected",
            "virtual",
            "override",
            "final",
            "operator",
            "using",
            "friend",
            "explicit",
            "mutable",
            "constexpr",
            "consteval",
            "constinit",
            "noexcept",
            "decltype",
            "static_cast",
            "dynamic_cast",
            "reinterpret_cast",
            "const_cast",
            "throw",
            "try",
            "catch",
            "static_assert",
            "alignas",
            "alignof",
            "thread_local",
            "asm",
            "__asm",
            "__asm__",
            "__attribute__",
            "__declspec",
            "__inline",
            "__inline__",
            "__restrict",
            "__restrict__",
            "__extension__",
            "__typeof__",
            "typeof",
            "__volatile__",
            "__const");

    /** Words followed by a parenthesised group that is not a parameter list. */
    private static final Set<String> ATTRIBUTES = Set.of(
            "__attribute__",
            "__declspec",
            "__asm__",
            "__asm",
            "asm",
            "alignas",
            "_Alignas",
            "__typeof__",
            "typeof",
            "decltype",
            "noexcept",
            "throw",
            "sizeof",
            "_Alignof",
            "alignof");

    private Keywords() {}

    static boolean isReserved(String word) {
        return RESERVED.contains(word);
    }

    static boolean isAttribute(String word) {
        return ATTRIBUTES.contains(word);
    }

    static boolean isAggregate(String word) {
        return word.equals("struct") || word.equals("union") || word.equals("enum") || word.equals("class");
    }
}
