package dev.trestle.trace.kernel;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One call-trace line, e.g. {@code [<ffffffff8100a1b2>] ? sym+0x12/0x40 [module]} or {@code  sym+0x12/0x40 [module]}.
 *
 * @param line 1-based line number in the log
 * @param address the printed address; empty in the newer format and where it was lost (an HTML-stripped {@code []})
 * @param symbol {@code sym+0x12/0x40}; empty when the frame is unsymbolised
 * @param module the module in brackets, if any
 * @param stack the stack the frame is on ({@code IRQ}, {@code TASK}, ...), empty before any marker
 * @param grade how far the frame can be trusted
 * @param reason why it got that grade, for people reading the report
 */
public record Frame(
        int line,
        OptionalLong address,
        Optional<String> symbol,
        Optional<String> module,
        String stack,
        Reliability grade,
        String reason) {

    /** The function name without offset and size, or the address for unsymbolised frames. */
    public String function() {
        return symbol.map(s -> s.replaceFirst("\\+0x.*$", ""))
                .orElse(address.isPresent() ? "0x" + Long.toHexString(address.getAsLong()) : "?");
    }
}
