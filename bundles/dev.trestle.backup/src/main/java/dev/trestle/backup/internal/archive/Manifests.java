package dev.trestle.backup.internal.archive;

import java.util.List;

/**
 * The manifests an archive carries as its last members and beside it. {@code SHA256SUMS} and {@code MD5SUMS} are in
 * the coreutils format, with paths relative to the extraction directory, so that after {@code tar -xf} a plain
 * {@code sha256sum -c .trestle-backup/SHA256SUMS} checks every file without Trestle.
 */
public final class Manifests {
    public static final String DIRECTORY = ".trestle-backup";
    public static final String SHA256SUMS = DIRECTORY + "/SHA256SUMS";
    public static final String MD5SUMS = DIRECTORY + "/MD5SUMS";
    /** Everything about every member, tab-separated: path, type, mode, size, mtime, SHA-256, MD5, link target. */
    public static final String MANIFEST = DIRECTORY + "/MANIFEST";

    private Manifests() {}

    public static boolean isOwn(String path) {
        return path.equals(DIRECTORY) || path.startsWith(DIRECTORY + "/");
    }

    static String sha256sums(List<Member> members) {
        StringBuilder text = new StringBuilder();
        members.stream().filter(Member::isFile).forEach(m -> text.append(Escaping.sumLine(m.sha256(), m.path())));
        return text.toString();
    }

    static String md5sums(List<Member> members) {
        StringBuilder text = new StringBuilder();
        members.stream().filter(Member::isFile).forEach(m -> text.append(Escaping.sumLine(m.md5(), m.path())));
        return text.toString();
    }

    static String manifest(List<Member> members) {
        StringBuilder text = new StringBuilder("# path\ttype\tmode\tsize\tmtime\tsha256\tmd5\tlink\n");
        for (Member m : members) {
            // appended, not formatted: a tree holds tens of thousands of members
            text.append(Escaping.field(m.path())).append('\t').append(m.type()).append('\t');
            text.append(Integer.toOctalString(m.mode()))
                    .append('\t')
                    .append(m.size())
                    .append('\t');
            text.append(m.mtime())
                    .append('\t')
                    .append(m.sha256())
                    .append('\t')
                    .append(m.md5())
                    .append('\t');
            text.append(Escaping.field(m.link())).append('\n');
        }
        return text.toString();
    }
}
