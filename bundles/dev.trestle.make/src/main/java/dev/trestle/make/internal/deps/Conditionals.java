package dev.trestle.make.internal.deps;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The {@code #if} nesting of one file, with three-valued conditions. A branch is read when no earlier branch was
 * certainly taken and its own condition is not certainly false; it is uncertain when its condition was undecidable
 * or an earlier branch may have been taken. Both branches of an undecidable condition are therefore read.
 */
final class Conditionals {
    private static final class Group {
        final boolean parentActive;
        boolean decided;
        boolean maybe;
        boolean active;
        boolean uncertain;

        Group(boolean parentActive) {
            this.parentActive = parentActive;
        }

        void branch(Boolean condition) {
            if (!parentActive || decided) {
                active = false;
                uncertain = false;
                return;
            }
            active = condition == null || condition;
            uncertain = active && (condition == null || maybe);
            if (condition == null) {
                maybe = true;
            } else if (condition) {
                decided = true;
            }
        }
    }

    private final Deque<Group> groups = new ArrayDeque<>();
    private int uncertainDepth;

    boolean active() {
        return groups.isEmpty() || groups.peek().active;
    }

    /** Whether the current line is in a branch that might not be taken. */
    boolean uncertain() {
        return uncertainDepth > 0;
    }

    void open(Boolean condition) {
        Group group = new Group(active());
        groups.push(group);
        group.branch(condition);
        uncertainDepth += group.uncertain ? 1 : 0;
    }

    /** {@code #elif} or (with {@code true}) {@code #else}; false when there is no open {@code #if}. */
    boolean next(Boolean condition) {
        Group group = groups.peek();
        if (group == null) {
            return false;
        }
        uncertainDepth -= group.uncertain ? 1 : 0;
        group.branch(condition);
        uncertainDepth += group.uncertain ? 1 : 0;
        return true;
    }

    /** Whether an {@code #elif} needs its condition evaluated at all. */
    boolean elifMatters() {
        Group group = groups.peek();
        return group != null && group.parentActive && !group.decided;
    }

    boolean close() {
        Group group = groups.poll();
        if (group == null) {
            return false;
        }
        uncertainDepth -= group.uncertain ? 1 : 0;
        return true;
    }

    int depth() {
        return groups.size();
    }
}
