package dev.trestle.trace.kernel;

import dev.trestle.trace.x86.Instruction;
import java.util.List;
import java.util.OptionalLong;

/**
 * A {@code Code:} line. The byte in angle brackets is the one at RIP; the bytes before it are only context, since
 * where an instruction starts among them is unknown, so decoding starts at the marked byte.
 *
 * @param hex all bytes, space separated
 * @param ipOffset index of the marked byte, -1 if none was marked
 * @param ipAddress RIP when the register dump showed it; the instructions are then at their real addresses, otherwise
 *     at offsets from RIP (RIP = 0)
 * @param decoded the instructions from the marked byte on
 */
public record CodeBytes(int line, String hex, int ipOffset, OptionalLong ipAddress, List<Instruction> decoded) {
    public CodeBytes {
        decoded = List.copyOf(decoded);
    }
}
