package dev.trestle.backup.internal.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Holds the next tar member against what the index says it must be. */
final class MemberCheck {
    /** One per thread that checks frames, rather than one per member: thousands of small files are the rule. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    private MemberCheck() {}

    /** @return {@code null} if the member is intact, else why not; an I/O error means the frame is broken */
    static String check(Member expected, TarArchiveInputStream tar, MemberSink sink) throws IOException {
        TarArchiveEntry entry = tar.getNextEntry();
        if (entry == null) {
            return "missing: its frame ends before it";
        }
        String header = header(expected, entry);
        if (header != null) {
            return header;
        }
        if (!expected.isFile()) {
            return null;
        }
        // SHA-256 alone: the manifest's MD5 was computed from the same bytes in the same pass as its SHA-256, so
        // content that matches the SHA-256 matches the MD5 too, and hashing it again would only cost time
        MessageDigest sha256 = Digests.newSha256();
        OutputStream out = sink.open(expected);
        byte[] buffer = BUFFER.get();
        long total = 0;
        try {
            for (int n; (n = tar.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, n);
                total += n;
                if (out != null) {
                    out.write(buffer, 0, n);
                }
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
        if (total != expected.size()) {
            return "content is " + total + " bytes, the manifest says " + expected.size();
        }
        if (!Digests.hex(sha256.digest()).equals(expected.sha256())) {
            return "content does not match its SHA-256";
        }
        return null;
    }

    static String header(Member expected, TarArchiveEntry entry) {
        String name = entry.getName();
        if (expected.type() == Member.DIRECTORY && name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        char type = entry.isDirectory() ? Member.DIRECTORY : entry.isSymbolicLink() ? Member.SYMLINK : Member.FILE;
        if (!name.equals(expected.path()) || type != expected.type()) {
            return "header names " + type + " '" + name + "' where the manifest has " + expected.type() + " '"
                    + expected.path() + "'";
        }
        if ((entry.getMode() & 07777) != expected.mode()
                || entry.getModTime().getTime() / 1000 != expected.mtime()
                || entry.getSize() != expected.size()
                || !entry.getLinkName().equals(expected.link())) {
            return "header (mode, mtime, size or link) differs from the manifest";
        }
        return null;
    }
}
