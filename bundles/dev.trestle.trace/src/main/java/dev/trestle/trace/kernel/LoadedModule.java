package dev.trestle.trace.kernel;

import java.util.EnumSet;
import java.util.Set;

/**
 * One entry of {@code Modules linked in:}, e.g. {@code dtracedrv(PO+)}: the letters are the taints the module
 * brought, {@code +} means it was being loaded and {@code -} being unloaded at the time.
 */
public record LoadedModule(String name, Set<TaintFlag> taints, boolean loading, boolean unloading) {
    public LoadedModule {
        taints = Set.copyOf(taints);
    }

    static LoadedModule parse(String token) {
        int paren = token.indexOf('(');
        if (paren < 0 || !token.endsWith(")")) {
            return new LoadedModule(token, Set.of(), false, false);
        }
        String marks = token.substring(paren + 1, token.length() - 1);
        Set<TaintFlag> taints = EnumSet.noneOf(TaintFlag.class);
        for (char c : marks.toCharArray()) {
            TaintFlag.ofLetter(c).ifPresent(taints::add);
        }
        return new LoadedModule(token.substring(0, paren), taints, marks.indexOf('+') >= 0, marks.indexOf('-') >= 0);
    }
}
