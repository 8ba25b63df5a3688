package dev.trestle.backup.internal.archive;

/**
 * One tar member as the index records it. Paths are relative, with {@code /} separators, and directories carry no
 * trailing slash; digests are empty for anything but regular files.
 *
 * @param frame index of the compressed frame that holds the member's header and content
 * @param type {@code f} regular file, {@code d} directory, {@code l} symbolic link
 * @param mtime seconds since the epoch: tar's resolution, so restore can reproduce it exactly
 */
public record Member(
        int frame, char type, int mode, long size, long mtime, String sha256, String md5, String path, String link) {
    public static final char FILE = 'f';
    public static final char DIRECTORY = 'd';
    public static final char SYMLINK = 'l';

    public boolean isFile() {
        return type == FILE;
    }
}
