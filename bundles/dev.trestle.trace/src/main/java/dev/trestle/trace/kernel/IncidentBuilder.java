package dev.trestle.trace.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects the lines of one incident; {@link #accept} says whether a line belonged to it. */
final class IncidentBuilder {
    private static final Pattern MODULES =
            Pattern.compile("^Modules linked in:\\s*(.*?)\\s*(?:\\[last unloaded: ([^\\]]+)\\])?\\s*$");
    /** Lines known to belong to a report that carry nothing this model extracts. */
    private static final Pattern DETAIL = Pattern.compile("^(?:#PF: |PGD |P4D |PUD |PMD |PTE |IP: |\\*pdpt |\\*pde "
            + "|Workqueue: |Stack:|Kernel Offset: |irq event stamp: |hardirqs last |softirqs last |note: "
            + "|Fixing recursive fault|[RE]IP  \\[<|[RE]SP <|EIP is at |invalid opcode: |Tainted: \\[|Dumping ftrace"
            + "|ftrace record flags: |expected tramp: |\\(\\d+\\)|Setting ftrace call site|Thread overran stack"
            + "|Code: |CPU \\d+$)");

    /** Raw stack words, after {@code Stack:} or (older i386 kernels) straight after the task lines. */
    private static final Pattern STACK_WORDS = Pattern.compile("^(?:[0-9a-f]{8,16}\\s*)+$");
    /**
     * The title of a sanitizer's stack trace, which KASAN, KCSAN and KFENCE print without {@code Call Trace:}, e.g.
     * {@code Freed by task 815:}, {@code write to 0xffffffffc009a628 of 8 bytes by task 487 on cpu 0:},
     * {@code Out-of-bounds read at 0xffff8c3f2e291fff (1B left of kfence-#72):}.
     */
    private static final Pattern STACK_TITLE = Pattern.compile(
            "^\\S.* (?:by task \\d+(?: on cpu \\d+)?(?: at \\d+\\.\\d+s)?|(?:at|of) 0x[0-9a-f]+(?: .*)?):$");

    private IncidentKind kind;
    private String headline;
    private final int firstLine;
    private int lastLine;
    private boolean complete;
    private boolean bodySeen;
    private boolean inTrace;
    private Task task;
    private String hardware;
    private final List<LoadedModule> modules = new ArrayList<>();
    private String lastUnloaded;
    private final List<RegisterDump> registers = new ArrayList<>();
    private String ip;
    private int ipLine;
    private Map<String, String> values;
    private final List<CodeBytes> code = new ArrayList<>();
    private final TraceLines trace = new TraceLines();
    private final List<FtraceLines> ftrace = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    IncidentBuilder(IncidentKind kind, String headline, int line) {
        this.kind = kind;
        this.headline = headline;
        this.firstLine = line;
        this.lastLine = line;
    }

    /**
     * Whether a header continues this incident instead of opening a new one: the {@code WARNING:} after
     * {@code [ cut here ]}, the {@code Oops:} after {@code BUG:}, the warning after an {@code [ ftrace bug ]} block.
     */
    boolean absorbs(IncidentKind next) {
        if (bodySeen || complete) {
            return false;
        }
        if (kind == IncidentKind.FTRACE_BUG) {
            return true;
        }
        boolean banner = next == IncidentKind.CUT_HERE || next == IncidentKind.FTRACE_BUG;
        return !banner && (kind == IncidentKind.CUT_HERE || next == IncidentKind.OOPS);
    }

    void refine(IncidentKind next, String text, int line) {
        lastLine = line;
        if (kind == IncidentKind.CUT_HERE || kind == IncidentKind.FTRACE_BUG) {
            if (next != IncidentKind.CUT_HERE) {
                kind = next;
                details.add(headline);
                headline = text;
            }
            return;
        }
        details.add(text);
    }

    void end(int line) {
        lastLine = line;
        complete = true;
        inTrace = false;
    }

    /** Takes a line of the body, or, {@code afterEnd}, a line the kernel prints after the end marker. */
    boolean accept(String text, int line, boolean afterEnd) {
        boolean taken = afterEnd ? trailer(text, line) : body(text, line);
        if (taken) {
            lastLine = line;
        }
        return taken;
    }

    /** After the end marker: ftrace's bytes (older kernels) and the register dump newer kernels repeat. */
    private boolean trailer(String text, int line) {
        return ftrace(text, line)
                || registers(text, line)
                || DETAIL.matcher(text).lookingAt() && detail(text);
    }

    private boolean body(String text, int line) {
        if (inTrace && trace.accept(text, line)) {
            return true;
        }
        if (ftrace(text, line) || registers(text, line)) {
            return true;
        }
        Matcher m = MODULES.matcher(text);
        if (m.matches()) {
            for (String token : m.group(1).split("\\s+")) {
                if (!token.isEmpty()) {
                    modules.add(LoadedModule.parse(token));
                }
            }
            lastUnloaded = m.group(2);
            return bodySeen = true;
        }
        Task parsed = BodyLines.task(text);
        if (parsed != null) {
            task = task == null ? parsed : task;
            return bodySeen = true;
        }
        if (text.startsWith("Hardware name:")) { // empty, and so stripped to this, where DMI gave no name
            hardware = text.substring("Hardware name:".length()).strip();
            return true;
        }
        if (text.equals("Call Trace:")) {
            inTrace = true;
            return bodySeen = true;
        }
        if (STACK_TITLE.matcher(text).matches()) {
            inTrace = true;
            return bodySeen = detail(text);
        }
        return DETAIL.matcher(text).lookingAt() && detail(text)
                || STACK_WORDS.matcher(text).matches();
    }

    private boolean detail(String text) {
        details.add(text);
        return true;
    }

    private boolean ftrace(String text, int line) {
        Matcher site = FtraceLines.SITE_LINE.matcher(text);
        if (site.matches()) {
            ftrace.add(new FtraceLines(line, site));
            return true;
        }
        Matcher bytes = FtraceLines.BYTES_LINE.matcher(text);
        return bytes.matches()
                && !ftrace.isEmpty()
                && ftrace.get(ftrace.size() - 1).bytes(bytes);
    }

    private boolean registers(String text, int line) {
        Matcher ipLineMatch = BodyLines.IP_LINE.matcher(text);
        if (ipLineMatch.matches()) {
            flushRegisters();
            ip = ipLineMatch.group(2);
            ipLine = line;
            values = new LinkedHashMap<>();
            BodyLines.registers(ip.replaceFirst("^[^\\[]*\\[<[^]]*>\\]\\s*(\\[<[^]]*>\\])?", ""), values);
            return bodySeen = true;
        }
        if (BodyLines.REGISTER_LINE.matcher(text).matches()) {
            if (values == null) { // e.g. the CR2 line old kernels print after the trace
                ip = "";
                ipLine = line;
                values = new LinkedHashMap<>();
            }
            BodyLines.registers(text, values);
            return true;
        }
        if (text.startsWith("Code: ")) {
            OptionalLong at = ip == null ? OptionalLong.empty() : BodyLines.ipAddress(ip);
            CodeBytes bytes = BodyLines.code(line, text.substring("Code: ".length()), at);
            return bytes == null ? detail(text) : code.add(bytes);
        }
        return false;
    }

    private void flushRegisters() {
        if (values != null) {
            registers.add(new RegisterDump(ipLine, ip, BodyLines.ipAddress(ip), values));
            values = null;
        }
    }

    Incident build() {
        flushRegisters();
        return new Incident(
                kind,
                headline,
                firstLine,
                lastLine,
                complete,
                Optional.ofNullable(task),
                Optional.ofNullable(hardware),
                modules,
                Optional.ofNullable(lastUnloaded),
                registers,
                code,
                trace.frames,
                trace.markers,
                ftrace.stream().map(FtraceLines::toRecord).toList(),
                details);
    }
}
