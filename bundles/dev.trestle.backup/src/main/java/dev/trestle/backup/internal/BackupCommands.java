package dev.trestle.backup.internal;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.BackupService;
import dev.trestle.backup.BackupSetPlan;
import dev.trestle.backup.CreateResult;
import dev.trestle.backup.DestinationStatus;
import dev.trestle.backup.RepairReport;
import dev.trestle.backup.RestoreReport;
import dev.trestle.backup.Selection;
import dev.trestle.backup.SetDelivery;
import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.archive.IndexException;
import dev.trestle.core.command.CommandArguments;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.core.jobs.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code backup:create}, {@code backup:verify}, {@code backup:restore}, {@code backup:repair} and {@code backup:status}
 * (backup sets: {@link BackupSetCommands}), each with {@code
 * --json}. Damage found (or a backup that failed) exits 1, bad input 2.
 */
@Component(
        service = BackupCommands.class,
        property = {
            "osgi.command.scope=backup",
            "osgi.command.function=create",
            "osgi.command.function=verify",
            "osgi.command.function=restore",
            "osgi.command.function=repair",
            "osgi.command.function=status"
        })
public final class BackupCommands {
    private final BackupService backups;
    private final Clock clock;

    @Activate
    public BackupCommands(@Reference BackupService backups) {
        this(backups, Clock.systemUTC());
    }

    BackupCommands(BackupService backups, Clock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    @Descriptor("archive a directory, verify it, copy it to a destination, read it back and verify it again; or"
            + " back up a project's backup set to each of its destinations")
    public String create(
            @Descriptor("SRC DEST [--format tar.zst|tar.bz2] [--repair-data PERCENT] [--json] | --project DIR [--set"
                            + " NAME] [--json]")
                    String... args)
            throws IOException {
        List<String> plain = new ArrayList<>(Arrays.asList(args));
        boolean json = plain.remove("--json");
        String formatName = option(plain, "--format", "tar.zst or tar.bz2");
        String project = option(plain, "--project", "the project directory");
        String set = option(plain, "--set", "the name of a backup set");
        String repairData = option(plain, "--repair-data", "a percentage of the archive's size, 0 for none");
        int repairPercent = BackupService.DEFAULT_REPAIR_PERCENT;
        if (repairData != null) {
            try {
                repairPercent = Integer.parseInt(
                        repairData.endsWith("%") ? repairData.substring(0, repairData.length() - 1) : repairData);
            } catch (NumberFormatException e) {
                repairPercent = -1;
            }
            if (repairPercent != 0 && (repairPercent < 1 || repairPercent > 50)) {
                throw CommandFailure.usage("--repair-data takes 0 (none) or 1 to 50 percent, not " + repairData);
            }
        }
        if (project != null) {
            if (!plain.isEmpty() || formatName != null || repairData != null) {
                throw CommandFailure.usage("usage: backup create --project DIR [--set NAME] [--json] (the set names"
                        + " sources, destinations and format)");
            }
            return createSet(CommandArguments.directory(project), set, json);
        }
        ArchiveFormat format = ArchiveFormat.TAR_ZST;
        if (formatName != null) {
            format = ArchiveFormat.named(formatName)
                    .orElseThrow(
                            () -> CommandFailure.usage("unknown format " + formatName + ": use tar.zst or tar.bz2"));
        }
        if (plain.size() != 2 || set != null) {
            throw CommandFailure.usage(
                    "usage: backup create SRC DEST [--format tar.zst|tar.bz2] [--repair-data PERCENT] [--json]");
        }
        Path source = CommandArguments.directory(plain.get(0));
        Path destination = CommandArguments.directory(plain.get(1));
        try (TerminalProgress progress = TerminalProgress.forCommand(json)) {
            CreateResult result = backups.create(source, destination, format, Selection.ALL, progress, repairPercent);
            return json ? Json.write(createdJson(result)) : createdText(result);
        } catch (IOException e) {
            String message = "backup of " + source + " failed, the staged copy is kept: " + e.getMessage();
            throw CommandFailure.finding(json ? Json.write(Map.of("error", message)) : message);
        }
    }

    /**
     * Each destination in turn; one that fails (a stick not plugged in) does not stop the others, but the command
     * fails naming it.
     */
    private String createSet(Path project, String name, boolean json) {
        BackupSetPlan set;
        try {
            set = ProjectBackupSet.load(project, name);
        } catch (IOException e) {
            throw CommandFailure.finding(
                    json ? Json.write(Map.of("error", String.valueOf(e.getMessage()))) : e.getMessage());
        }
        List<String> lines = new ArrayList<>();
        List<Object> created = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<SetDelivery> deliveries;
        try (TerminalProgress progress = TerminalProgress.forCommand(json)) {
            deliveries = backups.create(set, progress);
        }
        for (SetDelivery delivery : deliveries) {
            String message = delivery.failure()
                    .map(failure -> "backup of set '" + set.name() + "' to " + delivery.destination()
                            + " failed, the staged copy is kept: " + failure)
                    .or(() -> delivery.pruneFailure()
                            .map(failure -> "backup of set '" + set.name() + "' to " + delivery.destination()
                                    + " is verified, but removing older ones failed: " + failure))
                    .orElse(null);
            if (message != null) {
                lines.add(message);
                errors.add(message);
                continue;
            }
            CreateResult result = delivery.result().orElseThrow();
            List<Path> removed = delivery.pruned();
            Map<String, Object> out = createdJson(result);
            out.put("removed", removed.stream().map(Path::toString).toList());
            lines.add(createdText(result)
                    + (removed.isEmpty()
                            ? ""
                            : "; removed " + removed.size() + " older (the set keeps " + set.keepLast() + ")"));
            created.add(out);
        }
        String text;
        if (json) {
            Map<String, Object> out = Json.object();
            out.put("set", set.name());
            out.put("created", created);
            out.put("errors", errors);
            text = Json.write(out);
        } else {
            text = String.join("\n", lines);
        }
        if (!errors.isEmpty()) {
            throw CommandFailure.finding(text);
        }
        return text;
    }

    /** Removes {@code name VALUE} from the arguments and returns VALUE, or null if the option is not given. */
    private static String option(List<String> args, String name, String what) {
        int at = args.indexOf(name);
        if (at < 0) {
            return null;
        }
        if (at + 1 >= args.size()) {
            throw CommandFailure.usage(name + " needs a value: " + what);
        }
        String value = args.remove(at + 1);
        args.remove(at);
        return value;
    }

    /** The counts, and every file that did not restore by name: a whole tree's names are the archive's index. */
    private static Map<String, Object> restoredJson(Path archive, Path target, RestoreReport report) {
        Map<String, Object> out = Json.object();
        out.put("archive", archive.toString());
        out.put("target", target.toString());
        out.put("complete", report.complete());
        out.put("restored", report.restored().size());
        out.put("damaged", report.damaged());
        out.put("refused", report.refused());
        out.put("notInArchive", report.notFound());
        out.put("failed", report.failed());
        return out;
    }

    private static Map<String, Object> createdJson(CreateResult result) {
        Map<String, Object> out = Json.object();
        out.put("archive", result.archive().toString());
        out.put("files", result.files());
        out.put("bytes", result.bytes());
        out.put("readBackBypassedCache", result.readBackBypassedCache());
        out.put("skipped", result.skipped());
        return out;
    }

    private static String createdText(CreateResult result) {
        return "verified " + result.archive() + ": " + result.files() + " files, " + result.bytes() + " bytes, "
                + (result.readBackBypassedCache()
                        ? "read back from the device"
                        : "read back from the page cache (the file system refused O_DIRECT)")
                + (result.skipped().isEmpty() ? "" : "; skipped " + String.join(", ", result.skipped()));
    }

    @Descriptor("verify an archive, or every archive in a destination, reading past the page cache; then compare it"
            + " with the live tree")
    public String verify(@Descriptor("DEST|ARCHIVE [--against DIR] [--json]") String... args) throws IOException {
        List<String> plain = new ArrayList<>(Arrays.asList(args));
        boolean json = plain.remove("--json");
        Path against = null;
        int option = plain.indexOf("--against");
        if (option >= 0) {
            if (option + 1 >= plain.size()) {
                throw CommandFailure.usage("--against needs the directory to compare with");
            }
            against = CommandArguments.path(plain.remove(option + 1));
            plain.remove(option);
        }
        if (plain.size() != 1) {
            throw CommandFailure.usage("usage: backup verify DEST|ARCHIVE [--against DIR] [--json]");
        }
        Path path = CommandArguments.path(plain.get(0));
        // the live trees are compared while the archives are read: the one waits for the disk, the other for stat
        Map<Path, CompletableFuture<LiveTree>> compared = new HashMap<>();
        ExecutorService comparing = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "backup-compare");
            thread.setDaemon(true);
            return thread;
        });
        Path root = against;
        for (Path archive : archivesAt(path)) {
            compared.put(archive, CompletableFuture.supplyAsync(() -> liveTree(archive, root), comparing));
        }
        comparing.shutdown();
        List<VerifyReport> reports;
        try (TerminalProgress progress = TerminalProgress.forCommand(json)) {
            Progress shown = Objects.requireNonNullElse(progress, Progress.SILENT);
            reports = Files.isDirectory(path)
                    ? backups.verifyDestination(path, shown)
                    : List.of(backups.verify(path, shown));
        } catch (NoSuchFileException e) {
            throw CommandFailure.usage("no archive or destination at " + path);
        } catch (IndexException e) {
            throw CommandFailure.finding(e.getMessage());
        }
        if (reports.isEmpty()) {
            throw CommandFailure.finding("no archives in " + path);
        }
        List<LiveTree> liveTrees = new ArrayList<>();
        for (VerifyReport report : reports) {
            if (Files.isDirectory(report.archive())) {
                liveTrees.add(null);
            } else {
                CompletableFuture<LiveTree> early = compared.get(report.archive());
                liveTrees.add(early != null ? early.join() : liveTree(report.archive(), against));
            }
        }
        String text;
        if (json) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                Map<String, Object> one = json(reports.get(i));
                one.put(
                        "liveTree",
                        liveTrees.get(i) == null ? null : liveTrees.get(i).json());
                out.add(one);
            }
            text = Json.write(out);
        } else {
            text = VerifyText.of(reports, liveTrees);
        }
        // what changed in the live tree is information, not damage: only integrity decides the exit status
        if (reports.stream().anyMatch(r -> !r.intact())) {
            throw CommandFailure.finding(text);
        }
        return text;
    }

    /** The archives a verify of {@code path} reads: itself, or those a destination holds. */
    private static List<Path> archivesAt(Path path) {
        if (!Files.isDirectory(path)) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(path)) {
            return files.map(BackupServiceImpl::archiveNamed)
                    .flatMap(java.util.Optional::stream)
                    .distinct()
                    .toList();
        } catch (IOException e) {
            // the verify names what it cannot read; the comparison then waits for it
            return List.of();
        }
    }

    /** The archive's comparison with {@code against}, else with the source its good record names. */
    private LiveTree liveTree(Path archive, Path against) {
        Path root = against;
        try {
            if (root == null) {
                root = backups.recordedSource(archive).orElse(null);
            }
            if (root == null) {
                return new LiveTree(
                        null, null, "not compared, the archive does not record its source (use --against DIR)");
            }
            return LiveTree.compared(backups.compare(archive, root));
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException missing
                    ? "no such file " + missing.getFile()
                    : String.valueOf(e.getMessage());
            return new LiveTree(root, null, "not compared, cannot read the archive's manifest: " + reason);
        }
    }

    @Descriptor("restore all or the named files of an archive into a directory; nothing is written outside it")
    public String restore(@Descriptor("ARCHIVE TARGET [FILE...] [--backup-to DEST] [--force] [--json]") String... given)
            throws IOException {
        List<String> args = new ArrayList<>(Arrays.asList(given));
        boolean force = args.remove("--force");
        boolean json = args.remove("--json");
        Path backUpTo = null;
        int backup = args.indexOf("--backup-to");
        if (backup >= 0) {
            if (backup + 1 >= args.size()) {
                throw CommandFailure.usage("--backup-to needs a destination directory");
            }
            backUpTo = CommandArguments.directory(args.remove(backup + 1));
            args.remove(backup);
        }
        if (args.size() < 2) {
            throw CommandFailure.usage(
                    "usage: backup restore ARCHIVE TARGET [FILE...] [--backup-to DEST] [--force] [--json]");
        }
        Path archive = CommandArguments.path(args.get(0));
        if (!Files.isRegularFile(archive)) {
            throw CommandFailure.usage("no archive at " + archive);
        }
        Path target = CommandArguments.path(args.get(1));
        Set<String> files = new LinkedHashSet<>(args.subList(2, args.size()));
        String backedUp = "";
        if (backUpTo != null) {
            backedUp =
                    "backed up and verified first: " + new SourceBackupsImpl(backups).backUp(target, backUpTo) + "\n";
        } else if (!force) {
            new RestoreGuard(backups).check(archive, target, files);
        }
        return backedUp + restore(archive, target, files, json);
    }

    private String restore(Path archive, Path target, Set<String> files, boolean json) throws IOException {
        RestoreReport report;
        try (TerminalProgress progress = TerminalProgress.forCommand(json)) {
            report = backups.restore(archive, target, files, Objects.requireNonNullElse(progress, Progress.SILENT));
        } catch (IndexException e) {
            throw CommandFailure.finding(json ? Json.write(Map.of("error", e.getMessage())) : e.getMessage());
        }
        String text = json ? Json.write(restoredJson(archive, target, report)) : VerifyText.of(report);
        if (!report.complete()) {
            throw CommandFailure.finding(text);
        }
        return text;
    }

    @Descriptor("age of the newest verified backup at each destination this machine backed up to")
    public String status(@Descriptor("[--json]") String... args) throws IOException {
        List<String> plain = new ArrayList<>(Arrays.asList(args));
        boolean json = plain.remove("--json");
        if (!plain.isEmpty()) {
            throw CommandFailure.usage("usage: backup status [--json]");
        }
        List<DestinationStatus> destinations = backups.status();
        Instant now = clock.instant();
        if (json) {
            List<Object> out = new ArrayList<>();
            for (DestinationStatus status : destinations) {
                Map<String, Object> one = Json.object();
                one.put("destination", status.destination().toString());
                one.put("newestArchive", status.newestArchive().orElse(null));
                one.put(
                        "verified",
                        status.newestVerified().map(Instant::toString).orElse(null));
                one.put(
                        "ageSeconds",
                        status.newestVerified()
                                .map(t -> Duration.between(t, now).toSeconds())
                                .orElse(null));
                out.add(one);
            }
            return Json.write(out);
        }
        if (destinations.isEmpty()) {
            return "no backups made from this machine yet";
        }
        List<String> lines = new ArrayList<>();
        for (DestinationStatus status : destinations) {
            lines.add(status.destination() + ": "
                    + (status.newestVerified().isEmpty()
                            ? "no verified backup yet"
                            : "newest verified backup " + status.newestArchive().orElse("?") + ", "
                                    + age(Duration.between(
                                            status.newestVerified().get(), now)) + " ago"));
        }
        return String.join("\n", lines);
    }

    /** The coarsest two units: "2 d 3 h", "3 h 12 min", "5 min", "40 s". */
    static String age(Duration age) {
        return dev.trestle.core.safety.Ages.of(age);
    }

    private static Map<String, Object> json(VerifyReport report) {
        Map<String, Object> out = Json.object();
        out.put("archive", report.archive().toString());
        out.put("intact", report.intact());
        out.put("damaged", report.damaged());
        out.put("restorable", report.restorable().size());
        out.put("problems", report.problems());
        out.put("readBypassedCache", report.readBypassedCache());
        out.put("repairable", report.repairable());
        return out;
    }

    @Descriptor("restore an archive's damaged blocks from its repair data, verify it, and put it in place")
    public String repair(@Descriptor("ARCHIVE [--json]") String... args) throws IOException {
        List<String> plain = new ArrayList<>(Arrays.asList(args));
        boolean json = plain.remove("--json");
        if (plain.size() != 1) {
            throw CommandFailure.usage("usage: backup repair ARCHIVE [--json]");
        }
        Path archive = CommandArguments.path(plain.get(0));
        RepairReport report;
        try {
            report = backups.repair(archive);
        } catch (NoSuchFileException e) {
            throw CommandFailure.usage("no archive at " + archive);
        }
        String text = report.message();
        if (json) {
            Map<String, Object> out = Json.object();
            out.put("archive", report.archive().toString());
            out.put("damagedBlocks", report.damagedBlocks());
            out.put("repaired", report.repaired());
            out.put("message", report.message());
            text = Json.write(out);
        }
        // damage left in place is a finding; an archive that needed nothing, or was made whole, is not
        if (!report.repaired() && report.damagedBlocks() > 0) {
            throw CommandFailure.finding(text);
        }
        return text;
    }
}
