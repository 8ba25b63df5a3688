package dev.trestle.trace.ltrace;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Holds {@code <unfinished ...>} calls until their {@code <... resumed>} line. A call that never resumes ({@code
 * _exit}, {@code execl}, a log cut short) is still reported, as not returned, when its process exits or execs or the
 * log ends. The map is bounded so that a log of unmatched lines cannot exhaust memory.
 */
final class CallJoiner {
    static final int MAX_PENDING = 4096;

    private final Map<String, LtraceCall> pending = new LinkedHashMap<>();
    private final Consumer<? super LtraceEvent> sink;
    private long events;

    CallJoiner(Consumer<? super LtraceEvent> sink) {
        this.sink = sink;
    }

    void emit(LtraceEvent event) {
        events++;
        sink.accept(event);
    }

    long events() {
        return events;
    }

    void unfinished(LtraceCall call) {
        LtraceCall older = pending.remove(key(call.pid(), call.function()));
        if (older != null) {
            emit(older);
        }
        if (pending.size() >= MAX_PENDING) {
            Iterator<LtraceCall> eldest = pending.values().iterator();
            emit(eldest.next());
            eldest.remove();
        }
        pending.put(key(call.pid(), call.function()), call);
    }

    /**
     * Joins a resumption with its start. A resumption without one is still a call: a forked child's {@code <... fork
     * resumed>} has no start in its own process, and {@code ltrace -c} counts it.
     */
    void resumed(long line, int pid, String function, LineGrammar.Tail tail) {
        LtraceCall start = pending.remove(key(pid, function));
        if (start == null) {
            start = new LtraceCall(line, pid, "", -1, function, "", "", false, -1);
        }
        String args = start.arguments().isEmpty() || tail.args().isEmpty()
                ? start.arguments() + tail.args()
                : start.arguments() + " " + tail.args();
        emit(new LtraceCall(
                line,
                pid,
                start.timestamp(),
                start.instructionPointer(),
                function,
                args.strip(),
                tail.result(),
                true,
                tail.durationMicros()));
    }

    /** Reports the calls of {@code pid} that will never return because it exited or replaced its image. */
    void processEnded(int pid) {
        for (Iterator<LtraceCall> it = pending.values().iterator(); it.hasNext(); ) {
            LtraceCall call = it.next();
            if (call.pid() == pid) {
                emit(call);
                it.remove();
            }
        }
    }

    void finish() {
        pending.values().forEach(this::emit);
        pending.clear();
    }

    private static String key(int pid, String function) {
        return pid + " " + function;
    }
}
