package dev.trestle.trace.ftrace;

import dev.trestle.trace.ProblemLog;
import dev.trestle.trace.TraceLines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The state of one ftrace parse: the stack trace being collected and the task last switched to on each CPU. */
final class LineHandler implements TraceLines.Handler {
    static final int MAX_FRAMES = 512;

    private static final Pattern TRACER = Pattern.compile("#\\s*tracer:\\s*(\\S+)\\s*");
    private static final Pattern TRACE_CMD_HEADER = Pattern.compile("(cpus|version)\\s*=\\s*(\\d+)\\s*");
    private static final Pattern FRAME = Pattern.compile("\\s*=> (.+)");
    private static final Pattern NOISE =
            Pattern.compile("\\s*(?:-{10,}|#.*|CPU \\d+ is empty|##### CPU \\d+ buffer started ####)\\s*");

    private final Consumer<? super FtraceEvent> sink;
    private final ProblemLog problems;
    private final Map<Integer, String> taskOfCpu = new HashMap<>();
    private FtraceEntry stackStart;
    private final List<String> frames = new ArrayList<>();
    private long events;

    LineHandler(Consumer<? super FtraceEvent> sink, ProblemLog problems) {
        this.sink = sink;
        this.problems = problems;
    }

    long events() {
        return events;
    }

    @Override
    public void line(String text, long number, boolean terminated) {
        Matcher frame = FRAME.matcher(text);
        if (frame.matches() && stackStart != null) {
            if (frames.size() < MAX_FRAMES) {
                frames.add(frame.group(1).strip());
            }
            return;
        }
        flushStack();
        if (!terminated) {
            problems.add(number, "last line cut short (no newline at the end)", text);
        } else if (frame.matches()) {
            problems.add(number, "stack frame without a <stack trace> line before it", text);
        } else if (!text.isBlank() && !parse(text, number)) {
            problems.add(number, "not ftrace output", text);
        }
    }

    void finish() {
        flushStack();
    }

    private boolean parse(String text, long number) {
        Matcher m;
        if ((m = TRACER.matcher(text)).matches()) {
            emit(new FtraceHeader(number, "tracer", m.group(1)));
        } else if ((m = TRACE_CMD_HEADER.matcher(text)).matches()) {
            emit(new FtraceHeader(number, m.group(1), m.group(2)));
        } else if (NOISE.matcher(text).matches()) {
            return true;
        } else if ((m = TraceLine.lost(text)).matches()) {
            emit(new FtraceLost(number, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2))));
        } else if ((m = GraphLine.contextSwitch(text)).matches()) {
            taskOfCpu.put(Integer.parseInt(m.group(1)), m.group(3));
        } else {
            TraceLine.Parts parts = TraceLine.parse(text);
            return parts != null ? traceLine(parts, number) : graphLine(text, number);
        }
        return true;
    }

    private boolean graphLine(String text, long number) {
        if (GraphLine.isIrqMarkOrComment(text)) {
            return true;
        }
        FtraceGraph graph = GraphLine.parse(text, number, cpu -> taskOfCpu.getOrDefault(cpu, ""));
        if (graph == null) {
            return false;
        }
        emit(graph);
        return true;
    }

    private boolean traceLine(TraceLine.Parts parts, long number) {
        Origin o = parts.origin();
        String rest = parts.rest();
        Matcher m;
        if (rest.equals("<stack trace>") || rest.equals("<user stack trace>")) {
            stackStart = new FtraceEntry(number, o, rest, "");
        } else if ((m = TraceLine.function(rest)).matches()) {
            emit(new FtraceFunction(number, o, m.group(1), m.group(2)));
        } else if ((m = TraceLine.event(rest)).matches()) {
            String event = m.group(1);
            String details = m.group(2);
            Matcher f;
            if (event.startsWith("funcgraph_")) {
                FtraceGraph graph = GraphLine.parseTraceCmd(details, number, o.cpu(), o.task() + "-" + o.pid());
                if (graph == null) {
                    return false;
                }
                emit(graph);
            } else if (event.equals("function") && (f = TraceLine.function(details)).matches()) {
                emit(new FtraceFunction(number, o, f.group(1), f.group(2)));
            } else {
                emit(new FtraceEntry(number, o, event, details));
            }
        } else {
            // An event whose format starts without "name:", e.g. a raw trace_printk; the prefix proves it is ftrace.
            emit(new FtraceEntry(number, o, "", rest));
        }
        return true;
    }

    private void flushStack() {
        if (stackStart != null) {
            boolean user = stackStart.event().startsWith("<user");
            emit(new FtraceStack(stackStart.lineNumber(), stackStart.origin(), user, frames));
            stackStart = null;
            frames.clear();
        }
    }

    private void emit(FtraceEvent event) {
        events++;
        sink.accept(event);
    }
}
