package dev.trestle.backup.internal;

import dev.trestle.backup.internal.archive.Member;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Puts a restored file's mode and mtime back as the manifest recorded them. */
final class Attributes {
    private Attributes() {}

    /** @param accessed the access time to set with the mtime: setting one alone costs a look at the other */
    static void apply(Path path, Member member, FileTime accessed) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((member.mode() & (0400 >> permission.ordinal())) != 0) {
                permissions.add(permission);
            }
        }
        Files.setPosixFilePermissions(path, permissions);
        Files.getFileAttributeView(path, BasicFileAttributeView.class)
                .setTimes(FileTime.from(member.mtime(), TimeUnit.SECONDS), accessed, null);
    }
}
