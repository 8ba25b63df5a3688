package dev.trestle.backup.internal;

import dev.trestle.backup.ArchiveCopy;
import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.BackupService;
import dev.trestle.backup.BackupSetPlan;
import dev.trestle.backup.CreateResult;
import dev.trestle.backup.Delivery;
import dev.trestle.backup.DestinationStatus;
import dev.trestle.backup.RepairReport;
import dev.trestle.backup.RestoreReport;
import dev.trestle.backup.Selection;
import dev.trestle.backup.SetDelivery;
import dev.trestle.backup.TreeComparison;
import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.archive.IndexFile;
import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.core.jobs.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/** The backup service. Archives are staged under {@code trestle.backup.staging}, by default in the user's cache. */
@Component(service = BackupService.class)
public final class BackupServiceImpl implements BackupService {
    /** Small enough that damage costs little, large enough that compression barely notices the cuts. */
    static final long FRAME_BYTES = 8L << 20;

    private final Path staging;
    private final long frameBytes;
    private final DestinationGuard guard;
    private final int repairPercent;

    public BackupServiceImpl() {
        this(defaultStaging(), defaultState(), FRAME_BYTES, DEFAULT_REPAIR_PERCENT);
    }

    /** For tests: the local state beside the staging directory, and no repair data to hide damage with. */
    BackupServiceImpl(Path staging, long frameBytes) {
        this(staging, staging.resolveSibling("backup-state"), frameBytes, 0);
    }

    /** For tests: no repair data, so that damage they inject stays damage. */
    BackupServiceImpl(Path staging, Path state, long frameBytes) {
        this(staging, state, frameBytes, 0);
    }

    /** @param repairPercent what {@code create} writes when not told */
    BackupServiceImpl(Path staging, Path state, long frameBytes, int repairPercent) {
        this.staging = staging;
        this.frameBytes = frameBytes;
        this.guard = new DestinationGuard(state);
        this.repairPercent = repairPercent;
    }

    /**
     * Where each destination's identity, volume generation and archives are recorded: {@code trestle.backup.state},
     * else {@code backup} in the launcher's state directory, else {@code ~/.local/state/trestle/backup}.
     */
    private static Path defaultState() {
        String configured = System.getProperty("trestle.backup.state");
        if (configured != null) {
            return Path.of(configured);
        }
        String launcher = System.getProperty("trestle.state.dir");
        return launcher != null
                ? Path.of(launcher, "backup")
                : Path.of(System.getProperty("user.home"), ".local", "state", "trestle", "backup");
    }

    DestinationGuard guard() {
        return guard;
    }

    private static Path defaultStaging() {
        String configured = System.getProperty("trestle.backup.staging");
        return configured != null
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "trestle", "backup-staging");
    }

    @Override
    public CreateResult create(Path source, Path destination, ArchiveFormat format, Selection selection)
            throws IOException {
        return StagedCreate.run(
                source, destination, format, selection, null, staging, frameBytes, repairPercent, guard);
    }

    @Override
    public CreateResult create(
            Path source, Path destination, ArchiveFormat format, Selection selection, Progress progress)
            throws IOException {
        return StagedCreate.run(
                source, destination, format, selection, progress, staging, frameBytes, repairPercent, guard);
    }

    @Override
    public CreateResult create(
            Path source,
            Path destination,
            ArchiveFormat format,
            Selection selection,
            Progress progress,
            int repairPercent)
            throws IOException {
        if (repairPercent != 0 && (repairPercent < 1 || repairPercent > 50)) {
            throw new IllegalArgumentException("repair data is 0 (none) or 1 to 50 percent, not " + repairPercent);
        }
        return StagedCreate.run(
                source, destination, format, selection, progress, staging, frameBytes, repairPercent, guard);
    }

    @Override
    public RepairReport repair(Path archive) throws IOException {
        return Repairs.repair(archive);
    }

    @Override
    public ArchiveCopy copyOf(Path archive, String file, Path directory) throws IOException {
        return ArchiveCopies.copyOf(archive, file, directory);
    }

    @Override
    public List<SetDelivery> create(BackupSetPlan set, Progress progress) {
        // a stick not plugged in is named at once; the archive is made once for all the others
        List<Path> present =
                set.destinations().stream().filter(Files::isDirectory).toList();
        Map<Path, Delivery> deliveries = new HashMap<>();
        String failedAll = null;
        if (!present.isEmpty()) {
            try {
                for (Delivery delivery : create(set.root(), present, set.format(), set.selection(), progress)) {
                    deliveries.put(delivery.destination(), delivery);
                }
            } catch (IOException e) {
                failedAll = e.getMessage();
            }
        }
        List<SetDelivery> outcomes = new ArrayList<>();
        for (Path destination : set.destinations()) {
            Delivery delivery = deliveries.get(destination);
            String failure = !present.contains(destination)
                    ? destination + ": destination is not a directory"
                    : delivery == null ? failedAll : delivery.failure().orElse(null);
            if (failure != null) {
                outcomes.add(new SetDelivery(
                        destination, Optional.empty(), Optional.of(failure), List.of(), Optional.empty()));
                continue;
            }
            List<Path> pruned = List.of();
            Optional<String> pruneFailure = Optional.empty();
            try {
                pruned = prune(destination, set.root(), set.keepLast());
            } catch (IOException e) {
                pruneFailure = Optional.of(String.valueOf(e.getMessage()));
            }
            outcomes.add(new SetDelivery(destination, delivery.result(), Optional.empty(), pruned, pruneFailure));
        }
        return outcomes;
    }

    @Override
    public List<BackupSetPlan> backupSets(Path projectRoot) throws IOException {
        return ProjectBackupSet.all(projectRoot);
    }

    @Override
    public VerifyReport verify(Path archive, Progress progress) throws IOException {
        VerifyReport report = ArchiveVerifier.verify(archive, progress);
        List<String> recordProblems = checkRecord(archive);
        if (recordProblems.isEmpty()) {
            return report;
        }
        List<String> problems = new ArrayList<>(report.problems());
        problems.addAll(recordProblems);
        return new VerifyReport(
                archive,
                report.damaged(),
                report.restorable(),
                problems,
                report.readBypassedCache(),
                report.repairable());
    }

    @Override
    public List<VerifyReport> verifyDestination(Path destination, Progress progress) throws IOException {
        Set<Path> archives = new TreeSet<>();
        try (Stream<Path> list = Files.list(destination)) {
            list.forEach(file -> archiveNamed(file).ifPresent(archives::add));
        }
        List<VerifyReport> reports = new ArrayList<>();
        // a destination swapped, rolled back or gone from under its mount is reported before its archives
        List<String> identity = guard.problems(destination);
        if (!identity.isEmpty()) {
            reports.add(new VerifyReport(destination, List.of(), List.of(), identity, true));
        }
        for (Path archive : archives) {
            reports.add(verify(archive, progress));
        }
        return reports;
    }

    @Override
    public List<Path> prune(Path destination, Path source, int keepLast) throws IOException {
        if (keepLast <= 0) {
            return List.of();
        }
        guard.check(destination);
        String wanted = source.toAbsolutePath().normalize().toString();
        Map<Path, Instant> verified = new TreeMap<>();
        try (Stream<Path> list = Files.list(destination)) {
            for (Path file : list.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".good") || name.startsWith(".")) {
                    continue;
                }
                Path archive = file.resolveSibling(name.substring(0, name.length() - ".good".length()));
                Properties record = GoodRecord.read(archive).orElseThrow();
                String when = record.getProperty("verified");
                if (wanted.equals(record.getProperty(GoodRecord.SOURCE)) && when != null) {
                    verified.put(archive, Instant.parse(when));
                }
            }
        }
        List<Path> oldestFirst = verified.entrySet().stream()
                .sorted(Map.Entry.<Path, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        List<Path> removed = oldestFirst.subList(0, Math.max(0, oldestFirst.size() - keepLast));
        for (Path archive : removed) {
            guard.forget(destination, archive);
            // the good record first: an archive left half removed must not still claim to be good
            Files.deleteIfExists(Sidecars.good(archive));
            for (Path file : Sidecars.copied(archive)) {
                Files.deleteIfExists(file);
            }
        }
        return List.copyOf(removed);
    }

    @Override
    public List<Delivery> create(
            Path source, List<Path> destinations, ArchiveFormat format, Selection selection, Progress progress)
            throws IOException {
        List<Delivery> deliveries = new ArrayList<>();
        for (StagedCreate.Delivered delivered : StagedCreate.toEach(
                source, destinations, format, selection, progress, staging, frameBytes, repairPercent, guard)) {
            deliveries.add(new Delivery(
                    delivered.destination(),
                    Optional.ofNullable(delivered.result()),
                    Optional.ofNullable(delivered.failure()).map(e -> String.valueOf(e.getMessage()))));
        }
        return deliveries;
    }

    /** The archive a file in a destination belongs to: itself, or the archive its index or good record names. */
    /** The archive a file of a destination belongs to, if it is one's. */
    static Optional<Path> archiveNamed(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : List.of(".index", ".good")) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name.startsWith(".") || ArchiveFormat.ofFile(name).isEmpty()
                ? Optional.empty()
                : Optional.of(file.resolveSibling(name));
    }

    @Override
    public TreeComparison compare(Path archive, Path liveRoot) throws IOException {
        // the index holds every member's manifest line, and its own digest says whether to believe it
        return TreeComparer.compare(
                archive,
                IndexFile.read(Sidecars.index(archive)).members(),
                liveRoot,
                GoodRecord.read(archive).map(GoodRecord::selection).orElse(Selection.ALL));
    }

    @Override
    public Optional<Path> recordedSource(Path archive) throws IOException {
        return GoodRecord.read(archive)
                .map(record -> record.getProperty(GoodRecord.SOURCE))
                .filter(source -> !source.isEmpty())
                .map(Path::of);
    }

    @Override
    public RestoreReport restore(Path archive, Path target, Set<String> files, Progress progress) throws IOException {
        return Restorer.restore(archive, target, files, progress);
    }

    @Override
    public List<DestinationStatus> status() throws IOException {
        return guard.recorded();
    }

    /** The good record, if there is one, must still describe this archive and this index. */
    private static List<String> checkRecord(Path archive) throws IOException {
        Properties record = GoodRecord.read(archive).orElse(null);
        if (record == null || !Files.exists(archive) || !Files.exists(Sidecars.index(archive))) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (!Long.toString(Files.size(archive)).equals(record.getProperty(GoodRecord.SIZE))) {
            problems.add("size " + Files.size(archive) + " differs from the " + record.getProperty(GoodRecord.SIZE)
                    + " recorded when it was verified");
        }
        if (!GoodRecord.sha256(Sidecars.index(archive)).equals(record.getProperty(GoodRecord.INDEX_SHA256))) {
            problems.add("index differs from the one recorded when it was verified");
        }
        return problems;
    }
}
