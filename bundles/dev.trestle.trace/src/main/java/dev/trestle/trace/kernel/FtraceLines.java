package dev.trestle.trace.kernel;

import dev.trestle.trace.x86.X86Decoder;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ftrace bug block being read: the call-site line, then {@code actual:} and {@code expected:}. */
final class FtraceLines {
    static final Pattern SITE_LINE = Pattern.compile("^(ftrace (?:failed to modify|faulted on \\w+))\\s*(.*)$");
    static final Pattern BYTES_LINE = Pattern.compile("^(actual|expected):\\s*(.*)$");
    /** print_ip_sym: {@code [<ffffffffa04cdd44>] sym}; mail and blogs lose the angle brackets or the whole address. */
    private static final Pattern SITE = Pattern.compile("^\\[<?([0-9a-fA-F]*)>?\\]\\s*(.*)$");

    private static final Pattern BYTE = Pattern.compile("[0-9a-fA-F]{2}|ffffff[89a-fA-F][0-9a-fA-F]");

    private final int line;
    private final String message;
    private final OptionalLong address;
    private final Optional<String> symbol;
    private byte[] actual = new byte[0];
    private byte[] expected = new byte[0];

    FtraceLines(int line, Matcher site) {
        this.line = line;
        this.message = site.group(1);
        Matcher m = SITE.matcher(site.group(2));
        if (m.matches()) {
            address = m.group(1).isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseUnsignedLong(m.group(1), 16));
            symbol = m.group(2).isEmpty() ? Optional.empty() : Optional.of(m.group(2));
        } else {
            address = OptionalLong.empty();
            symbol = site.group(2).isEmpty() ? Optional.empty() : Optional.of(site.group(2));
        }
    }

    /** Takes an {@code actual:}/{@code expected:} line; false if its bytes do not parse. */
    boolean bytes(Matcher bytesLine) {
        byte[] parsed = parseBytes(bytesLine.group(2));
        if (parsed == null) {
            return false;
        }
        if (bytesLine.group(1).equals("actual")) {
            actual = parsed;
        } else {
            expected = parsed;
        }
        return true;
    }

    /**
     * {@code e8:0f:62:03:00}, or on kernels that printed a signed char with %02x, {@code ffffffe8:0f:...}: the low
     * byte is the byte.
     */
    static byte[] parseBytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String token : text.trim().split("[:\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!BYTE.matcher(token).matches()) {
                return null;
            }
            out.write((int) (Long.parseLong(token, 16) & 0xff));
        }
        return out.size() == 0 ? null : out.toByteArray();
    }

    FtraceBug toRecord() {
        long at = address.orElse(0);
        return new FtraceBug(
                line,
                message,
                address,
                symbol,
                hex(actual),
                hex(expected),
                X86Decoder.decode(actual, at),
                X86Decoder.decode(expected, at));
    }

    static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xff));
        }
        return hex.toString();
    }
}
