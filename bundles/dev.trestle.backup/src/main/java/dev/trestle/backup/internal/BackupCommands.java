package dev.trestle.backup.internal;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.BackupService;
import dev.trestle.backup.CreateResult;
import dev.trestle.backup.RestoreReport;
import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.archive.IndexException;
import dev.trestle.core.command.CommandFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code backup:create}, {@code backup:verify} and {@code backup:restore}. Damage found exits 1, bad input 2. */
@Component(
        service = BackupCommands.class,
        property = {
            "osgi.command.scope=backup",
            "osgi.command.function=create",
            "osgi.command.function=verify",
            "osgi.command.function=restore"
        })
public final class BackupCommands {
    private final BackupService backups;

    @Activate
    public BackupCommands(@Reference BackupService backups) {
        this.backups = backups;
    }

    @Descriptor("archive a directory, verify it, copy it to a destination, read it back and verify it again")
    public String create(@Descriptor("SRC DEST [--format tar.zst|tar.bz2]") String... args) throws IOException {
        List<String> plain = new ArrayList<>(Arrays.asList(args));
        ArchiveFormat format = ArchiveFormat.TAR_ZST;
        int option = plain.indexOf("--format");
        if (option >= 0) {
            if (option + 1 >= plain.size()) {
                throw CommandFailure.usage("--format needs a value: tar.zst or tar.bz2");
            }
            String name = plain.remove(option + 1);
            plain.remove(option);
            format = ArchiveFormat.named(name)
                    .orElseThrow(() -> CommandFailure.usage("unknown format " + name + ": use tar.zst or tar.bz2"));
        }
        if (plain.size() != 2) {
            throw CommandFailure.usage("usage: backup create SRC DEST [--format tar.zst|tar.bz2]");
        }
        Path source = directory(plain.get(0));
        Path destination = directory(plain.get(1));
        try {
            CreateResult result = backups.create(source, destination, format);
            return "verified " + result.archive() + ": " + result.files() + " files, " + result.bytes() + " bytes, "
                    + (result.readBackBypassedCache()
                            ? "read back from the device"
                            : "read back from the page cache (the file system refused O_DIRECT)")
                    + (result.skipped().isEmpty() ? "" : "; skipped " + String.join(", ", result.skipped()));
        } catch (IOException e) {
            throw CommandFailure.finding("backup of " + source + " failed, the staged copy is kept: " + e.getMessage());
        }
    }

    @Descriptor("verify an archive, or every archive in a destination, reading past the page cache")
    public String verify(@Descriptor("DEST|ARCHIVE") String... args) throws IOException {
        if (args.length != 1) {
            throw CommandFailure.usage("usage: backup verify DEST|ARCHIVE");
        }
        Path path = path(args[0]);
        List<VerifyReport> reports;
        try {
            reports = Files.isDirectory(path) ? backups.verifyDestination(path) : List.of(backups.verify(path));
        } catch (NoSuchFileException e) {
            throw CommandFailure.usage("no archive or destination at " + path);
        } catch (IndexException e) {
            throw CommandFailure.finding(e.getMessage());
        }
        if (reports.isEmpty()) {
            throw CommandFailure.finding("no archives in " + path);
        }
        String text = VerifyText.of(reports);
        if (reports.stream().anyMatch(r -> !r.intact())) {
            throw CommandFailure.finding(text);
        }
        return text;
    }

    @Descriptor("restore all or the named files of an archive into a directory; nothing is written outside it")
    public String restore(@Descriptor("ARCHIVE TARGET [FILE...]") String... args) throws IOException {
        if (args.length < 2) {
            throw CommandFailure.usage("usage: backup restore ARCHIVE TARGET [FILE...]");
        }
        Path archive = path(args[0]);
        if (!Files.isRegularFile(archive)) {
            throw CommandFailure.usage("no archive at " + archive);
        }
        RestoreReport report;
        try {
            report = backups.restore(
                    archive,
                    path(args[1]),
                    new LinkedHashSet<>(Arrays.asList(args).subList(2, args.length)));
        } catch (IndexException e) {
            throw CommandFailure.finding(e.getMessage());
        }
        String text = VerifyText.of(report);
        if (!report.complete()) {
            throw CommandFailure.finding(text);
        }
        return text;
    }

    private static Path directory(String name) {
        Path path = path(name);
        if (!Files.isDirectory(path)) {
            throw CommandFailure.usage("not a directory: " + name);
        }
        return path;
    }

    private static Path path(String name) {
        try {
            return Path.of(name).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw CommandFailure.usage("not a path: " + name);
        }
    }
}
