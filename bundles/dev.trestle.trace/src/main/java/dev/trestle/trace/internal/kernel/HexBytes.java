package dev.trestle.trace.internal.kernel;

import dev.trestle.core.command.CommandFailure;
import java.io.ByteArrayOutputStream;

/** The byte argument of {@code trace:decode}: {@code e8:0f:62:03:00}, {@code e8 0f 62 03 00} or {@code e80f620300}. */
final class HexBytes {
    private HexBytes() {}

    static byte[] parse(String text) {
        String digits = text.replaceAll("[:\\s,]", "");
        if (digits.isEmpty()) {
            throw CommandFailure.usage("decode: no bytes given, e.g. decode e8:0f:62:03:00 --address ffffffffa04cdd44");
        }
        if (digits.length() % 2 != 0 || !digits.matches("[0-9a-fA-F]+")) {
            throw CommandFailure.usage("decode: not hex bytes: " + text.trim());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < digits.length(); i += 2) {
            out.write(Integer.parseInt(digits.substring(i, i + 2), 16));
        }
        return out.toByteArray();
    }
}
