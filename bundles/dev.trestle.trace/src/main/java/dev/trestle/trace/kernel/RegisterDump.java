package dev.trestle.trace.kernel;

import java.util.Map;
import java.util.OptionalLong;

/**
 * A {@code RIP:} (or {@code EIP:}) line and the register lines after it. Newer kernels print a second dump after the
 * end marker and one for the user context at syscall entry, so an incident can have several.
 *
 * @param line 1-based line of the RIP line
 * @param instructionPointer as printed after {@code RIP:}, e.g. {@code 0010:ftrace_bug+0x28f/0x2e0}
 * @param address the RIP value when the line shows it ({@code [<ffffffff8100a1b2>]}, older kernels)
 * @param values register name to value as printed ({@code RAX -> 0000000000000000}, {@code RSP -> 0018:ffffc900...})
 */
public record RegisterDump(int line, String instructionPointer, OptionalLong address, Map<String, String> values) {
    public RegisterDump {
        values = Map.copyOf(values);
    }
}
