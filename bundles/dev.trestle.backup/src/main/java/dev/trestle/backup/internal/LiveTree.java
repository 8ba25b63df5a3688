package dev.trestle.backup.internal;

import dev.trestle.backup.TreeComparison;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The verify command's comparison of one archive with the live tree, or why there is none. It never decides the
 * exit status: that is about the archive's integrity alone.
 *
 * @param root the live tree: given with {@code --against}, else the source the archive's good record names; null if
 *     neither is known
 * @param comparison null if nothing was compared
 * @param note why nothing was compared; null if something was
 */
record LiveTree(Path root, TreeComparison comparison, String note) {
    /** How many paths of each kind the text and the JSON name; the counts are always complete. */
    static final int SHOWN = 10;

    static LiveTree compared(TreeComparison comparison) {
        return comparison.liveRootFound()
                ? new LiveTree(comparison.liveRoot(), comparison, null)
                : new LiveTree(comparison.liveRoot(), null, "not found, not compared");
    }

    /** Indented lines to follow the archive's own line. */
    String text() {
        String head = "  live tree" + (root == null ? "" : " " + root) + ": ";
        if (comparison == null) {
            return head + note;
        }
        TreeComparison c = comparison;
        StringBuilder text = new StringBuilder(head);
        if (c.added().isEmpty()
                && c.removed().isEmpty()
                && c.changed().isEmpty()
                && c.touched().isEmpty()) {
            text.append("nothing changed since (").append(c.unchanged()).append(" unchanged)");
        } else {
            text.append(c.added().size())
                    .append(" added, ")
                    .append(c.removed().size())
                    .append(" removed, ")
                    .append(c.changed().size())
                    .append(" changed, ")
                    .append(c.touched().size())
                    .append(" touched only, ")
                    .append(c.unchanged())
                    .append(" unchanged since");
        }
        paths(text, "added", c.added());
        paths(text, "removed", c.removed());
        paths(text, "changed", c.changed());
        paths(text, "touched only (same content, new mtime)", c.touched());
        paths(text, "unreadable", c.problems());
        return text.toString();
    }

    private static void paths(StringBuilder text, String kind, List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        text.append("\n    ").append(kind);
        if (paths.size() > SHOWN) {
            text.append(" (first ")
                    .append(SHOWN)
                    .append(" of ")
                    .append(paths.size())
                    .append(')');
        }
        text.append(": ").append(String.join(", ", first(paths)));
    }

    Map<String, Object> json() {
        Map<String, Object> out = Json.object();
        out.put("root", root == null ? null : root.toString());
        out.put("compared", comparison != null);
        out.put("note", note);
        if (comparison != null) {
            out.put("added", comparison.added().size());
            out.put("removed", comparison.removed().size());
            out.put("changed", comparison.changed().size());
            out.put("touched", comparison.touched().size());
            out.put("unchanged", comparison.unchanged());
            out.put("addedPaths", first(comparison.added()));
            out.put("removedPaths", first(comparison.removed()));
            out.put("changedPaths", first(comparison.changed()));
            out.put("touchedPaths", first(comparison.touched()));
            out.put("problems", comparison.problems());
        }
        return out;
    }

    private static List<String> first(List<String> paths) {
        return paths.subList(0, Math.min(SHOWN, paths.size()));
    }
}
