package dev.trestle.trace.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The taint field of a {@code Tainted: P           O} line. Old kernels pad it to fixed positions, newer logs (and
 * people quoting them) often collapse the spaces, so the letters are read by value, not by position.
 *
 * @param field the letters as printed, spaces collapsed; empty for {@code Not tainted}
 * @param flags the flags set
 * @param unknown letters this table does not know (a newer kernel), kept so nothing is lost
 */
public record Taint(String field, Set<TaintFlag> flags, String unknown) {
    public Taint {
        flags = Set.copyOf(flags);
    }

    public static Taint none() {
        return new Taint("", Set.of(), "");
    }

    public static Taint parse(String field) {
        Set<TaintFlag> flags = EnumSet.noneOf(TaintFlag.class);
        StringBuilder unknown = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (c != ' ' && c != 'G') {
                TaintFlag.ofLetter(c).ifPresentOrElse(flags::add, () -> unknown.append(c));
            }
        }
        return new Taint(field.trim().replaceAll(" +", " "), flags, unknown.toString());
    }

    public boolean tainted() {
        return !flags.isEmpty() || !unknown.isEmpty();
    }

    /** One line per letter, e.g. {@code P: proprietary module was loaded}, in the kernel's bit order. */
    public List<String> explained() {
        List<String> lines = new ArrayList<>();
        if (field.indexOf('G') >= 0) {
            lines.add("G: only GPL-compatible modules were loaded (no proprietary module)");
        }
        for (TaintFlag flag : TaintFlag.values()) {
            if (flags.contains(flag)) {
                lines.add(flag.letter() + ": " + flag.meaning());
            }
        }
        for (char c : unknown.toCharArray()) {
            lines.add(c + ": unknown taint flag");
        }
        return lines;
    }
}
