package dev.trestle.trace.ui.internal;

import dev.trestle.trace.kernel.CodeBytes;
import dev.trestle.trace.kernel.FtraceBug;
import dev.trestle.trace.kernel.Incident;
import dev.trestle.trace.x86.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One line of the decoded bytes of an incident: the ftrace bug's {@code actual:}/{@code expected:} bytes and the
 * {@code Code:} bytes from the trapping instruction on.
 *
 * @param trap the instruction at RIP, the one that faulted or trapped
 */
record InstructionRow(String source, String address, String bytes, String text, boolean trap) {
    static List<InstructionRow> of(Incident incident) {
        List<InstructionRow> rows = new ArrayList<>();
        for (FtraceBug bug : incident.ftraceBugs()) {
            String where = bug.symbol().map(s -> " at " + s).orElse("")
                    + (bug.address().isPresent() ? "" : " (address lost: offsets)");
            add(rows, "actual" + where, bug.actualDecoded(), bug.address(), false);
            add(rows, "expected" + where, bug.expectedDecoded(), bug.address(), false);
        }
        for (CodeBytes code : incident.code()) {
            if (code.ipOffset() > 0) {
                // where instructions start before RIP is unknown, so those bytes stay undecoded context
                String before = code.hex()
                        .substring(0, Math.min(code.hex().length(), code.ipOffset() * 3))
                        .strip();
                rows.add(new InstructionRow("Code: before RIP", "", before, "(not decoded)", false));
            }
            add(rows, "Code: line " + code.line(), code.decoded(), code.ipAddress(), code.ipOffset() >= 0);
        }
        return rows;
    }

    private static void add(
            List<InstructionRow> rows, String source, List<Instruction> decoded, OptionalLong base, boolean markFirst) {
        for (int i = 0; i < decoded.size(); i++) {
            Instruction instruction = decoded.get(i);
            String address = base.isPresent()
                    ? Long.toHexString(instruction.address())
                    : "+0x" + Long.toHexString(instruction.address());
            rows.add(new InstructionRow(
                    i == 0 ? source : "", address, instruction.hex(), instruction.text(), markFirst && i == 0));
        }
    }
}
