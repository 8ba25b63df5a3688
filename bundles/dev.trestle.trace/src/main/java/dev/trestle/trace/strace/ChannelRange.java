package dev.trestle.trace.strace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** One stretch of a file as a stream, read with positional reads so that several threads can share the channel. */
final class ChannelRange extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    ChannelRange(FileChannel channel, long from, long end) {
        this.channel = channel;
        this.position = from;
        this.end = end;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
        if (n < 0) {
            return -1;
        }
        position += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
}
