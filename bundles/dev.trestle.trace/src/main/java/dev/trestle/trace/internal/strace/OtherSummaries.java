package dev.trestle.trace.internal.strace;

import dev.trestle.core.command.JsonText;
import dev.trestle.trace.ParseReport;
import dev.trestle.trace.dtrace.DtraceAggregation;
import dev.trestle.trace.dtrace.DtraceEvent;
import dev.trestle.trace.dtrace.DtraceHistogram;
import dev.trestle.trace.dtrace.DtraceParser;
import dev.trestle.trace.ftrace.CallTree;
import dev.trestle.trace.ftrace.FtraceParser;
import dev.trestle.trace.ftrace.FunctionGraph;
import dev.trestle.trace.ltrace.LtraceCount;
import dev.trestle.trace.ltrace.LtraceParser;
import dev.trestle.trace.ltrace.LtraceSummary;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code trace:summary} of the formats other than strace: each gets the analysis its model offers. */
final class OtherSummaries {
    /** Enough rows to show where the time goes without scrolling the terminal away. */
    private static final int HOTTEST = 20;

    private OtherSummaries() {}

    /**
     * ltrace: per-function calls and {@code -T} time; an {@code ltrace -c} table is already a summary, so its rows
     * are shown as they are.
     */
    static String ltrace(Path file, boolean json) throws IOException {
        LtraceSummary summary = new LtraceSummary();
        List<LtraceCount> table = new ArrayList<>();
        ParseReport report;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = LtraceParser.create().parse(in, event -> {
                summary.accept(event);
                if (event instanceof LtraceCount row) {
                    table.add(row);
                }
            });
        }
        List<String[]> rows = new ArrayList<>();
        summary.functions().forEach(f -> rows.add(new String[] {f.function(), "" + f.calls(), "" + f.microseconds()}));
        table.forEach(r -> rows.add(new String[] {r.function(), "" + r.calls(), "" + r.microseconds()}));
        String out = render(rows, List.of("function", "calls", "usecs"), json);
        boolean untimed = table.isEmpty()
                && !summary.functions().isEmpty()
                && summary.functions().stream().allMatch(f -> f.microseconds() == 0);
        if (untimed && !json) {
            // as for strace: ltrace writes a call's duration only with -T
            out += "(no durations in this log, so no times: record it with ltrace -T)\n";
        }
        return out + Render.problems(report, json);
    }

    /** function_graph: the hottest functions by self time, with their total (inclusive) time. */
    static String ftrace(Path file, boolean json) throws IOException {
        FunctionGraph graph = new FunctionGraph();
        ParseReport report;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = FtraceParser.create().parse(in, graph);
        }
        Map<String, Long> totals = new HashMap<>();
        addTotals(graph.tree(), totals, new ArrayList<>());
        List<String[]> rows = new ArrayList<>();
        for (FunctionGraph.FunctionCost cost : graph.hottest(HOTTEST)) {
            rows.add(new String[] {
                cost.function(), "" + cost.calls(), "" + cost.selfNanos(), "" + totals.get(cost.function())
            });
        }
        String out = render(rows, List.of("function", "calls", "selfNanos", "totalNanos"), json);
        if (rows.isEmpty() && !json) {
            out = "no function_graph entries in " + file + " (the summary needs the function_graph tracer)\n";
        }
        return out + Render.problems(report, json);
    }

    /** A recursive function's inner calls are inside its outer call's total, so only the outermost one counts. */
    private static void addTotals(CallTree node, Map<String, Long> totals, List<String> path) {
        for (CallTree child : node.children()) {
            if (!path.contains(child.function())) {
                totals.merge(child.function(), child.totalNanos(), Long::sum);
            }
            path.add(child.function());
            addTotals(child, totals, path);
            path.removeLast();
        }
    }

    /** dtrace and bpftrace: the aggregations and histograms they printed, with histogram totals. */
    static String dtrace(Path file, boolean json) throws IOException {
        List<String[]> rows = new ArrayList<>();
        ParseReport report;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = DtraceParser.create().parse(in, (DtraceEvent event) -> {
                switch (event) {
                    case DtraceAggregation a -> rows.add(new String[] {name(a.map(), a.keys()), "value", a.value()});
                    case DtraceHistogram h ->
                        rows.add(new String[] {
                            name(h.map(), h.keys()),
                            "histogram of " + h.buckets().size() + " buckets",
                            "" + h.total()
                        });
                    default -> {}
                }
            });
        }
        return render(rows, List.of("aggregation", "kind", "value"), json) + Render.problems(report, json);
    }

    private static String name(String map, List<String> keys) {
        String shown = map == null || map.isEmpty() ? "@" : map;
        return keys.isEmpty() ? shown : shown + "[" + String.join(", ", keys) + "]";
    }

    private static String render(List<String[]> rows, List<String> columns, boolean json) {
        if (json) {
            return rows.stream()
                            .map(r -> {
                                List<String> fields = new ArrayList<>();
                                for (int i = 0; i < columns.size(); i++) {
                                    fields.add(JsonText.quote(columns.get(i)) + ":" + JsonText.quote(r[i]));
                                }
                                return "{" + String.join(",", fields) + "}";
                            })
                            .collect(Collectors.joining(",", "[", "]"))
                    + "\n";
        }
        int[] widths = columns.stream().mapToInt(String::length).toArray();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(line(columns.stream().map(c -> c.toUpperCase(Locale.ROOT)).toArray(String[]::new), widths));
        rows.forEach(r -> out.append(line(r, widths)));
        return out.toString();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String format = i == 0 ? "%-" + widths[i] + "s" : "  %" + widths[i] + "s";
            out.append(String.format(Locale.ROOT, format, cells[i]));
        }
        return out.toString().stripTrailing() + "\n";
    }
}
