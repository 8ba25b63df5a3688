package dev.trestle.editor.xref;

/** What an occurrence of a name is: one of the definitions an index records, or a use of the name. */
public enum SymbolKind {
    FUNCTION,
    MACRO,
    STRUCT,
    CLASS,
    UNION,
    ENUM,
    ENUMERATOR,
    TYPEDEF,
    VARIABLE,
    REFERENCE;

    public boolean isDefinition() {
        return this != REFERENCE;
    }

    /** The lower-case name, as Universal Ctags spells its kinds. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
