package dev.trestle.trace.kernel;

import dev.trestle.trace.x86.Instruction;
import dev.trestle.trace.x86.X86Decoder;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the single lines of an incident body: the task line, registers, {@code Code:}. */
final class BodyLines {
    private static final String TAINT_TAIL = "\\s+(?:Not tainted\\s+|Tainted: ((?:[A-Z]+\\s+)+))(\\S+)\\s*(.*)$";
    private static final Pattern OLD_TASK = Pattern.compile("^Pid: (\\d+), comm: (.*?)" + TAINT_TAIL);
    private static final Pattern NEW_TASK =
            Pattern.compile("^CPU: (\\d+) (?:UID: \\d+ )?PID: (\\d+) Comm: (.*?)" + TAINT_TAIL);
    private static final Pattern PROCESS = Pattern.compile("^Process (\\S+) \\(pid: (\\d+),.*$");
    static final Pattern IP_LINE = Pattern.compile("^([RE]IP): ?(.*)$");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\[<([0-9a-fA-F]+)>\\]");
    static final Pattern REGISTER_LINE = Pattern.compile(
            "^(?:R[A-Z0-9]{2}|E[A-Z]{2}|EFLAGS|ORIG_RAX|FS|GS|CS|DS|ES|SS|CR[0-4]|DR[0-7]|PKRU):\\s*\\S.*$");
    private static final Pattern REGISTER = Pattern.compile("([A-Za-z][A-Za-z0-9_]*):\\s*(\\S+)");
    private static final Pattern CODE_BYTE = Pattern.compile("<?([0-9a-f]{2})>?");

    private BodyLines() {}

    /** The task line in any of its three forms, or null. */
    static Task task(String text) {
        Matcher m = NEW_TASK.matcher(text);
        if (m.matches()) {
            return new Task(
                    OptionalInt.of(Integer.parseInt(m.group(1))),
                    Integer.parseInt(m.group(2)),
                    m.group(3),
                    taint(m.group(4)),
                    m.group(5),
                    m.group(6));
        }
        m = OLD_TASK.matcher(text);
        if (m.matches()) {
            return new Task(
                    OptionalInt.empty(),
                    Integer.parseInt(m.group(1)),
                    m.group(2),
                    taint(m.group(3)),
                    m.group(4),
                    m.group(5));
        }
        m = PROCESS.matcher(text);
        if (m.matches()) {
            return new Task(OptionalInt.empty(), Integer.parseInt(m.group(2)), m.group(1), Taint.none(), "", "");
        }
        return null;
    }

    private static Taint taint(String field) {
        return field == null ? Taint.none() : Taint.parse(field);
    }

    static OptionalLong ipAddress(String ip) {
        Matcher m = IP_ADDRESS.matcher(ip);
        return m.find() ? OptionalLong.of(Long.parseUnsignedLong(m.group(1), 16)) : OptionalLong.empty();
    }

    /** Adds the {@code NAME: value} pairs of a register line to {@code into}. */
    static void registers(String text, Map<String, String> into) {
        Matcher m = REGISTER.matcher(text);
        while (m.find()) {
            into.put(m.group(1), m.group(2));
        }
    }

    /** A {@code Code:} line's bytes, or null if it shows none (e.g. {@code Code: Bad RIP value.}). */
    static CodeBytes code(int line, String bytesText, OptionalLong ip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int ipOffset = -1;
        for (String token : bytesText.trim().split("\\s+")) {
            Matcher m = CODE_BYTE.matcher(token);
            if (!m.matches() || token.startsWith("<") != token.endsWith(">")) {
                return null;
            }
            if (token.startsWith("<")) {
                ipOffset = bytes.size();
            }
            bytes.write(Integer.parseInt(m.group(1), 16));
        }
        byte[] code = bytes.toByteArray();
        List<Instruction> decoded = ipOffset < 0
                ? List.of()
                : X86Decoder.decode(Arrays.copyOfRange(code, ipOffset, code.length), ip.orElse(0));
        return new CodeBytes(line, FtraceLines.hex(code), ipOffset, ip, decoded);
    }
}
