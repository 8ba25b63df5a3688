package dev.trestle.trace.kernel;

import dev.trestle.trace.x86.Instruction;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * ftrace's complaint about a call site it could not patch: {@code ftrace failed to modify [<addr>] sym [mod]} and
 * the {@code actual:} / {@code expected:} bytes, decoded where they sit.
 *
 * @param line 1-based line of the {@code ftrace failed to modify} (or {@code faulted on}) line
 * @param message the line up to the call site, e.g. {@code ftrace failed to modify}
 * @param address the call site; empty where the log lost it (e.g. {@code []} after HTML stripping)
 * @param symbol e.g. {@code ctf_hash_size+0x4/0x20 [dtracedrv]}
 * @param actual the bytes found, space separated (low byte of each sign-extended {@code ffffffe8} taken); empty if
 *     not printed
 * @param expected the bytes ftrace expected; empty if not printed
 * @param actualDecoded {@code actual} decoded at {@code address} (at 0 when the address is unknown)
 * @param expectedDecoded the same for {@code expected}
 */
public record FtraceBug(
        int line,
        String message,
        OptionalLong address,
        Optional<String> symbol,
        String actual,
        String expected,
        List<Instruction> actualDecoded,
        List<Instruction> expectedDecoded) {
    public FtraceBug {
        actualDecoded = List.copyOf(actualDecoded);
        expectedDecoded = List.copyOf(expectedDecoded);
    }
}
