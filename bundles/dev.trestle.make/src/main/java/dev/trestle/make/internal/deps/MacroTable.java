package dev.trestle.make.internal.deps;

import java.util.HashMap;
import java.util.Map;

/**
 * The macros of one translation unit as far as the scan knows them. A name is defined, undefined, or {@link
 * #UNKNOWN}: defined or undefined in a branch the scan could not decide. {@link #version()} changes with every
 * real change, so equal versions mean equal tables and a header re-entered at the same version would be read
 * the same way again.
 */
final class MacroTable {
    /** Stands for "maybe defined, value unknown". */
    static final Macro UNKNOWN = new Macro("<unknown>", null, false, java.util.List.of());

    private final Map<String, Macro> macros = new HashMap<>();
    private final boolean closedWorld;
    private long version;

    /**
     * @param closedWorld whether a name never defined is known to be undefined (the compiler's predefined macros
     *     are in the table) rather than undecidable
     */
    MacroTable(boolean closedWorld) {
        this.closedWorld = closedWorld;
    }

    boolean closedWorld() {
        return closedWorld;
    }

    long version() {
        return version;
    }

    /** The definition, {@link #UNKNOWN}, or {@code null} when not defined. */
    Macro get(String name) {
        Macro macro = macros.get(name);
        return macro == null && !closedWorld && !macros.containsKey(name) ? UNKNOWN : macro;
    }

    /** {@link Boolean#TRUE}, {@link Boolean#FALSE} or {@code null} for undecidable. */
    Boolean isDefined(String name) {
        Macro macro = get(name);
        return macro == UNKNOWN ? null : macro != null;
    }

    void define(Macro macro, boolean certain) {
        Macro old = macros.get(macro.name());
        if (macro.sameAs(old)) {
            return;
        }
        put(macro.name(), certain ? macro : UNKNOWN);
    }

    void undefine(String name, boolean certain) {
        Macro old = get(name);
        if (old == null && macros.containsKey(name)) {
            return;
        }
        if (old == null && closedWorld) {
            return;
        }
        put(name, certain ? null : UNKNOWN);
    }

    private void put(String name, Macro macro) {
        Macro old = macros.put(name, macro);
        if (old != macro) {
            version++;
        }
    }
}
