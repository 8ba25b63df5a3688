package dev.trestle.backup.internal;

import dev.trestle.backup.Selection;
import dev.trestle.backup.TreeComparison;
import dev.trestle.backup.internal.archive.Manifests;
import dev.trestle.backup.internal.archive.Member;
import dev.trestle.backup.internal.archive.SelectionFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Compares an archive's members with a live tree, reading a live file only where size and mtime cannot decide. */
final class TreeComparer {
    private final Path root;
    private final SelectionFilter selection;
    private final List<String> added = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private final List<String> changed = new ArrayList<>();
    private final List<String> touched = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int unchanged;

    private TreeComparer(Path root, Selection selection) {
        this.root = root;
        this.selection = selection.isAll() ? null : new SelectionFilter(selection);
    }

    /** Compares {@code members} (the archive's own manifests among them are ignored) with the tree at {@code root}. */
    static TreeComparison compare(Path archive, List<Member> members, Path root) {
        return compare(archive, members, root, Selection.ALL);
    }

    /** As the other, with the live tree seen through the selection the archive was made with. */
    static TreeComparison compare(Path archive, List<Member> members, Path root, Selection selection) {
        if (!Files.isDirectory(root)) {
            return new TreeComparison(archive, root, false, List.of(), List.of(), List.of(), List.of(), 0, List.of());
        }
        TreeComparer comparer = new TreeComparer(root, selection);
        Map<String, Member> archived = new TreeMap<>();
        for (Member member : members) {
            if (!Manifests.isOwn(member.path())) {
                archived.put(member.path(), member);
            }
        }
        Map<String, PosixFileAttributes> live = new TreeMap<>();
        comparer.walk(root, "", live);
        for (Member member : archived.values()) {
            PosixFileAttributes attributes = live.get(member.path());
            if (attributes == null) {
                comparer.removed.add(member.path());
            } else {
                comparer.compare(member, attributes);
            }
        }
        for (String path : live.keySet()) {
            if (!archived.containsKey(path)) {
                comparer.added.add(path);
            }
        }
        return new TreeComparison(
                archive,
                root,
                true,
                comparer.added,
                comparer.removed,
                comparer.changed,
                comparer.touched,
                comparer.unchanged,
                comparer.problems);
    }

    /** Collects what the archiver would have archived: files, directories and symbolic links, not following links. */
    private void walk(Path dir, String prefix, Map<String, PosixFileAttributes> live) {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.toList();
        } catch (IOException e) {
            problems.add((prefix.isEmpty() ? "." : prefix) + ": cannot list (" + reason(e) + ")");
            return;
        }
        for (Path child : children) {
            String path = prefix + child.getFileName();
            if (Manifests.isOwn(path)) {
                continue;
            }
            PosixFileAttributes attributes;
            try {
                attributes = Files.readAttributes(child, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                // gone between listing and reading counts as never there
                if (Files.exists(child, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(path + ": cannot read attributes (" + reason(e) + ")");
                }
                continue;
            }
            if (selection != null && !selection.takes(path, attributes.isDirectory())) {
                continue;
            }
            if (attributes.isDirectory()) {
                live.put(path, attributes);
                walk(child, path + "/", live);
            } else if (attributes.isRegularFile() || attributes.isSymbolicLink()) {
                live.put(path, attributes);
            }
        }
    }

    private void compare(Member member, PosixFileAttributes attributes) {
        String path = member.path();
        char type = attributes.isDirectory()
                ? Member.DIRECTORY
                : attributes.isSymbolicLink() ? Member.SYMLINK : Member.FILE;
        if (type != member.type()) {
            changed.add(path);
            return;
        }
        if (type == Member.DIRECTORY) {
            unchanged++;
            return;
        }
        if (type == Member.SYMLINK) {
            try {
                String target = Files.readSymbolicLink(root.resolve(path)).toString();
                // a link is its target: its own mtime says nothing worth reporting
                if (target.equals(member.link())) {
                    unchanged++;
                } else {
                    changed.add(path);
                }
            } catch (IOException e) {
                problems.add(path + ": cannot read the link (" + reason(e) + ")");
            }
            return;
        }
        if (attributes.size() != member.size() || mode(attributes) != member.mode()) {
            changed.add(path);
            return;
        }
        if (mtime(attributes) == member.mtime()) {
            unchanged++;
            return;
        }
        try {
            (sha256(root.resolve(path)).equals(member.sha256()) ? touched : changed).add(path);
        } catch (IOException e) {
            problems.add(path + ": cannot read (" + reason(e) + ")");
        }
    }

    private static long mtime(PosixFileAttributes attributes) {
        // whole seconds, as the archiver records them
        return attributes.lastModifiedTime().toMillis() / 1000;
    }

    private static int mode(PosixFileAttributes attributes) {
        int mode = 0;
        for (PosixFilePermission permission : attributes.permissions()) {
            mode |= 0400 >> permission.ordinal();
        }
        return mode;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
