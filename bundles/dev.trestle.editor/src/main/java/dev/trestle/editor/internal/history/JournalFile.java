package dev.trestle.editor.internal.history;

import dev.trestle.editor.internal.history.JournalRecord.Marked;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of records, each framed as {@code varint length, payload, CRC32C of payload} after an 8-byte
 * magic. Appends are buffered and forced to the device per {@link #flush()}: a crash loses at most the unflushed batch
 * and may leave a torn last record, which the checksum reveals; opening drops that tail (with a warning) and keeps
 * every complete record before it.
 */
final class JournalFile implements Closeable {
    private static final System.Logger LOG = System.getLogger(JournalFile.class.getName());
    static final byte[] MAGIC = "TRJRNL01".getBytes(StandardCharsets.US_ASCII);
    private final FileChannel channel;
    private final List<JournalRecord> records = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long nextStateId = 1;

    private JournalFile(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        byte[] bytes = Files.exists(path) ? Files.readAllBytes(path) : new byte[0];
        if (bytes.length > 0
                && !Arrays.equals(bytes, 0, Math.min(bytes.length, MAGIC.length), MAGIC, 0, MAGIC.length)) {
            Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + System.currentTimeMillis());
            LOG.log(System.Logger.Level.WARNING, path + " is not a Trestle journal; moved to " + aside);
            Files.move(path, aside);
            bytes = new byte[0];
        }
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (bytes.length < MAGIC.length) {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(MAGIC), 0);
            channel.force(true);
            bytes = MAGIC.clone();
        }
        int valid = parse(ByteBuffer.wrap(bytes).position(MAGIC.length));
        if (valid < bytes.length) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    path + ": dropped an incomplete or damaged tail of " + (bytes.length - valid) + " bytes after "
                            + records.size() + " complete records");
            channel.truncate(valid);
            channel.force(true);
        }
        channel.position(valid);
    }

    static JournalFile open(Path path) throws IOException {
        return new JournalFile(path);
    }

    /** Reads records until the end or the first that is cut short or fails its checksum; returns where it stopped. */
    private int parse(ByteBuffer in) {
        while (in.hasRemaining()) {
            int start = in.position();
            try {
                long length = JournalCodec.varint(in);
                if (length < 1 || length > in.remaining() - 4L) {
                    return start;
                }
                ByteBuffer payload = in.slice(in.position(), (int) length);
                CRC32C crc = new CRC32C();
                crc.update(payload.duplicate());
                in.position(in.position() + (int) length);
                if ((int) crc.getValue() != in.getInt()) {
                    return start;
                }
                add(JournalCodec.decode(payload, nextStateId));
            } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
                return start;
            }
        }
        return in.position();
    }

    private void add(JournalRecord record) {
        records.add(record);
        countState(record);
    }

    private void countState(JournalRecord record) {
        if (!(record instanceof Marked)) {
            nextStateId++;
        }
    }

    /** The records found on open (not those appended since). */
    List<JournalRecord> records() {
        return List.copyOf(records);
    }

    /** The id the next epoch or edit record will create. */
    long nextStateId() {
        return nextStateId;
    }

    void append(JournalRecord record) {
        byte[] payload = JournalCodec.encode(record, nextStateId);
        JournalCodec.varint(pending, payload.length);
        pending.writeBytes(payload);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        pending.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        countState(record);
    }

    void flush() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        ByteBuffer batch = ByteBuffer.wrap(pending.toByteArray());
        while (batch.hasRemaining()) {
            channel.write(batch);
        }
        channel.force(false);
        pending.reset();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
        }
    }
}
