package dev.trestle.backup.internal;

import dev.trestle.backup.internal.archive.Member;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Puts a restored file's mode and mtime back as the manifest recorded them. */
final class Attributes {
    private Attributes() {}

    static void apply(Path path, Member member) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((member.mode() & (0400 >> permission.ordinal())) != 0) {
                permissions.add(permission);
            }
        }
        Files.setPosixFilePermissions(path, permissions);
        Files.setLastModifiedTime(path, FileTime.from(member.mtime(), TimeUnit.SECONDS));
    }
}
