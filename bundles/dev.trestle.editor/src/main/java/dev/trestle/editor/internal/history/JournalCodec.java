package dev.trestle.editor.internal.history;

import dev.trestle.editor.history.Edit;
import dev.trestle.editor.internal.history.JournalRecord.EditMade;
import dev.trestle.editor.internal.history.JournalRecord.EpochStarted;
import dev.trestle.editor.internal.history.JournalRecord.Marked;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The payload of one journal record: a type byte, then unsigned LEB128 varints, byte strings as length + UTF-8, and
 * digests as 32 raw bytes. An edit's parent is stored as the distance back from the new state (1 for plain typing).
 */
final class JournalCodec {
    private static final byte EPOCH = 1;
    private static final byte EDIT = 2;
    private static final byte MARK = 3;

    private JournalCodec() {}

    static byte[] encode(JournalRecord record, long newStateId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (record) {
            case EpochStarted epoch -> {
                out.write(EPOCH);
                varint(out, epoch.time().toEpochMilli());
                out.writeBytes(HexFormat.of().parseHex(epoch.sha256()));
            }
            case EditMade made -> {
                out.write(EDIT);
                varint(out, newStateId - made.parent());
                varint(out, made.edit().time().toEpochMilli());
                varint(out, made.edit().offset());
                string(out, made.edit().removed());
                string(out, made.edit().inserted());
            }
            case Marked mark -> {
                out.write(MARK);
                varint(out, mark.state());
                varint(out, mark.time().toEpochMilli());
                out.writeBytes(HexFormat.of().parseHex(mark.sha256()));
            }
        }
        return out.toByteArray();
    }

    /** Decodes a payload whose checksum matched; throws {@link IllegalArgumentException} if it is not ours. */
    static JournalRecord decode(ByteBuffer payload, long newStateId) {
        try {
            byte type = payload.get();
            return switch (type) {
                case EPOCH -> new EpochStarted(Instant.ofEpochMilli(varint(payload)), digest(payload));
                case EDIT -> {
                    long parent = newStateId - varint(payload);
                    Instant time = Instant.ofEpochMilli(varint(payload));
                    long offset = varint(payload);
                    yield new EditMade(parent, new Edit(offset, string(payload), string(payload), time));
                }
                case MARK -> new Marked(varint(payload), Instant.ofEpochMilli(varint(payload)), digest(payload));
                default -> throw new IllegalArgumentException("unknown record type " + type);
            };
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("record shorter than its type needs", e);
        }
    }

    static void varint(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varint < 0: " + value);
        }
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        varint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[Math.toIntExact(varint(in))];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String digest(ByteBuffer in) {
        byte[] bytes = new byte[32];
        in.get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
