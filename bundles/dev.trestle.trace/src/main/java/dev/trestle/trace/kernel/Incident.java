package dev.trestle.trace.kernel;

import java.util.List;
import java.util.Optional;

/**
 * One WARNING/BUG/Oops/panic report, from its header (or {@code [ cut here ]}) to {@code ---[ end trace ... ]---}.
 *
 * @param headline the first header line, e.g. {@code WARNING: at kernel/trace/ftrace.c:1509 ftrace_bug+0x28f/0x2e0()}
 * @param firstLine 1-based, inclusive
 * @param lastLine 1-based, inclusive (lines attached after the end marker included)
 * @param complete whether the end marker was seen; false when the next incident or the end of input cut it short
 * @param lastUnloaded the {@code [last unloaded: ...]} module, if shown
 * @param stackSwitches the stack markers in order, e.g. {@code <IRQ>}, {@code </IRQ>}, {@code <TASK>}
 * @param details other recognised lines ({@code Hardware name:}, {@code #PF:}, {@code Workqueue:} ...), verbatim
 */
public record Incident(
        IncidentKind kind,
        String headline,
        int firstLine,
        int lastLine,
        boolean complete,
        Optional<Task> task,
        Optional<String> hardware,
        List<LoadedModule> modules,
        Optional<String> lastUnloaded,
        List<RegisterDump> registers,
        List<CodeBytes> code,
        List<Frame> frames,
        List<String> stackSwitches,
        List<FtraceBug> ftraceBugs,
        List<String> details) {
    public Incident {
        modules = List.copyOf(modules);
        registers = List.copyOf(registers);
        code = List.copyOf(code);
        frames = List.copyOf(frames);
        stackSwitches = List.copyOf(stackSwitches);
        ftraceBugs = List.copyOf(ftraceBugs);
        details = List.copyOf(details);
    }
}
