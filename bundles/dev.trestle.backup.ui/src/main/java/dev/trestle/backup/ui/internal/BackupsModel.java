package dev.trestle.backup.ui.internal;

import dev.trestle.backup.ArchiveCopy;
import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.BackupService;
import dev.trestle.backup.BackupSetPlan;
import dev.trestle.backup.DestinationStatus;
import dev.trestle.backup.RepairReport;
import dev.trestle.backup.RestoreReport;
import dev.trestle.backup.Selection;
import dev.trestle.backup.SetDelivery;
import dev.trestle.backup.VerifyReport;
import dev.trestle.core.jobs.JobHandle;
import dev.trestle.core.safety.SourceBackups;
import dev.trestle.model.Project;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * What the Backups view shows and the Backup menu does: the destinations, the last verification of each archive in
 * this session, and the one backup job running. Its state changes on the display thread only; jobs report back
 * through {@link WorkbenchContext#asyncExec}.
 */
@Component(service = BackupsModel.class)
public final class BackupsModel {
    private final BackupService backups;
    private final Destinations remembered;
    private final List<Path> added = new ArrayList<>();
    private final Map<Path, VerifyReport> lastReports = new HashMap<>();
    private final Map<Path, List<String>> destinationProblems = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile JobHandle<?> running;
    private volatile String runningName = "";
    private String lastOutcome = "";
    private Optional<Path> selectedDestination = Optional.empty();
    private Optional<Path> selectedArchive = Optional.empty();

    @Activate
    public BackupsModel(@Reference BackupService backups) {
        this(backups, Destinations.inStateDirectory());
    }

    BackupsModel(BackupService backups, Destinations remembered) {
        this.backups = backups;
        this.remembered = remembered;
        try {
            added.addAll(remembered.load());
        } catch (IOException e) {
            lastOutcome = "Could not read the remembered destinations: " + e.getMessage();
        }
    }

    /** Called on the display thread whenever what the view shows may have changed. */
    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** The destinations the service recorded, then those the user added, each once. */
    List<Path> destinations() {
        Set<Path> all = new LinkedHashSet<>();
        try {
            for (DestinationStatus status : backups.status()) {
                all.add(status.destination().toAbsolutePath().normalize());
            }
        } catch (IOException e) {
            lastOutcome = "Could not read the backup records: " + e.getMessage();
        }
        added.forEach(path -> all.add(path.toAbsolutePath().normalize()));
        return List.copyOf(all);
    }

    /** The destinations the user chose (in the view or in Preferences > Backups), in their order. */
    List<Path> chosenDestinations() {
        return List.copyOf(added);
    }

    /** Replaces the user's chosen destinations and remembers them per user. */
    void setChosenDestinations(List<Path> destinations) throws IOException {
        List<Path> normal = destinations.stream()
                .map(d -> d.toAbsolutePath().normalize())
                .distinct()
                .toList();
        remembered.save(normal);
        added.clear();
        added.addAll(normal);
        changed();
    }

    void addDestination(Path destination) throws IOException {
        Path normal = destination.toAbsolutePath().normalize();
        if (!added.contains(normal)) {
            added.add(normal);
            remembered.save(added);
        }
        changed();
    }

    List<DestinationState> snapshot() {
        List<DestinationState> states = new ArrayList<>();
        for (Path destination : destinations()) {
            List<String> problems = destinationProblems.getOrDefault(destination, List.of());
            if (!Files.isDirectory(destination)) {
                states.add(new DestinationState(destination, false, List.of(), problems));
                continue;
            }
            List<ArchiveState> archives = new ArrayList<>();
            for (Path archive : archivesIn(destination)) {
                archives.add(state(archive));
            }
            states.add(new DestinationState(destination, true, archives, problems));
        }
        return states;
    }

    /** Archives in a destination, by their own files and by the records of ones that have gone. */
    private static Set<Path> archivesIn(Path destination) {
        Set<Path> archives = new TreeSet<>();
        try (Stream<Path> list = Files.list(destination)) {
            list.forEach(file -> {
                String name = file.getFileName().toString();
                for (String suffix : List.of(".index", ".good")) {
                    if (name.endsWith(suffix)) {
                        name = name.substring(0, name.length() - suffix.length());
                    }
                }
                if (!name.startsWith(".") && ArchiveFormat.ofFile(name).isPresent()) {
                    archives.add(file.resolveSibling(name));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return archives;
    }

    private ArchiveState state(Path archive) {
        Optional<Instant> verified = verifiedAt(archive);
        Optional<Path> source = Optional.empty();
        try {
            source = backups.recordedSource(archive);
        } catch (IOException e) {
            // an unreadable record: the archive shows without its source
        }
        VerifyReport report = lastReports.get(archive);
        if (!Files.exists(archive)) {
            return new ArchiveState(
                    archive,
                    ArchiveState.Status.MISSING,
                    verified,
                    source,
                    List.of(),
                    report == null ? List.of() : report.problems());
        }
        if (report != null && !report.intact()) {
            return new ArchiveState(
                    archive,
                    report.repairable() ? ArchiveState.Status.REPAIRABLE : ArchiveState.Status.DAMAGED,
                    verified,
                    source,
                    report.damaged(),
                    report.problems(),
                    report.repairable());
        }
        return new ArchiveState(
                archive,
                verified.isPresent() ? ArchiveState.Status.VERIFIED : ArchiveState.Status.UNVERIFIED,
                verified,
                source,
                List.of(),
                List.of());
    }

    /** When the archive's {@code .good} record says it was verified at its destination. */
    private static Optional<Instant> verifiedAt(Path archive) {
        Path good = archive.resolveSibling(archive.getFileName() + ".good");
        if (!Files.exists(good)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(good)) {
            Properties record = new Properties();
            record.load(in);
            String verified = record.getProperty("verified");
            return Optional.of(
                    verified != null
                            ? Instant.parse(verified)
                            : Files.getLastModifiedTime(good).toInstant());
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The "How good are your backups?" line for the project at {@code root} (any archive when there is none).
     *
     * @return the text, and whether it is a warning
     */
    Health health(Optional<Path> root, List<DestinationState> states, Instant now) {
        Optional<Path> project = root.map(p -> p.toAbsolutePath().normalize());
        Optional<ArchiveState> newest = states.stream()
                .flatMap(d -> d.archives().stream())
                .filter(a -> a.status() == ArchiveState.Status.VERIFIED)
                .filter(a -> project.isEmpty()
                        || a.source().isEmpty()
                        || a.source().get().toAbsolutePath().normalize().equals(project.get()))
                .max((a, b) -> a.verified().orElseThrow().compareTo(b.verified().orElseThrow()));
        if (newest.isEmpty()) {
            return new Health(
                    "How good are your backups? No verified backup"
                            + project.map(p -> " of " + p.getFileName()).orElse("") + " — back up now.",
                    true);
        }
        Instant verified = newest.get().verified().orElseThrow();
        String text = "How good are your backups? Newest verified backup: " + Ages.since(verified, now) + " ("
                + newest.get().name() + ")";
        if (project.isPresent()) {
            Optional<NewestFile> file = newestFile(project.get());
            if (file.isPresent() && file.get().modified().isAfter(verified)) {
                return new Health(
                        text + " — older than " + file.get().path() + ", changed "
                                + Ages.since(file.get().modified(), now) + ": not backed up.",
                        true);
            }
        }
        return new Health(text + ".", false);
    }

    record Health(String text, boolean warning) {}

    record NewestFile(String path, Instant modified) {}

    /** The most recently modified regular file of a project, hidden directories ({@code .git}) left out. */
    static Optional<NewestFile> newestFile(Path root) {
        NewestFile[] newest = {null};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Instant modified = attrs.lastModifiedTime().toInstant();
                    if (attrs.isRegularFile() && (newest[0] == null || modified.isAfter(newest[0].modified()))) {
                        newest[0] = new NewestFile(root.relativize(file).toString(), modified);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(newest[0]);
    }

    /** What is selected in the view, for the Backup menu: a destination and, if one is selected, an archive. */
    void select(Optional<Path> destination, Optional<Path> archive) {
        selectedDestination = destination;
        selectedArchive = archive;
    }

    Optional<Path> selectedDestination() {
        return selectedDestination;
    }

    /** The newest archive recorded as good for {@code source}, at any destination this machine backed up to. */
    Optional<Path> newestArchiveOf(Path source) throws IOException {
        SourceBackups safety = sourceBackups;
        return safety == null
                ? Optional.empty()
                : safety.coverage(source, Set.of()).archive();
    }

    Optional<Path> selectedArchive() {
        return selectedArchive;
    }

    Optional<JobHandle<?>> running() {
        // cleared on the display thread once the job's outcome is applied, not as soon as the job ends
        return Optional.ofNullable(running);
    }

    String runningName() {
        return runningName;
    }

    /** What the last job ended with, for the view's status line. */
    String lastOutcome() {
        return lastOutcome;
    }

    /** Backs {@code source} up into {@code destination} in the background; false if another backup job runs. */
    boolean backUp(WorkbenchContext context, Path source, Path destination) {
        Selection selection = withoutBuildOutputs(context.project(), source);
        return start(
                context,
                "Back up " + source.getFileName() + " to " + destination,
                progress -> {
                    // create reports the bytes it archives, then its steps, and stops when cancelled
                    return backups.create(source, destination, ArchiveFormat.TAR_ZST, selection, progress);
                },
                result -> {
                    lastReports.remove(result.archive());
                    remember(destination);
                    lastOutcome = "Backed up " + result.files() + " files to "
                            + result.archive().getFileName()
                            + (selection.isAll() ? "" : ", build outputs left out")
                            + (result.readBackBypassedCache() ? "" : " (read back from the page cache)");
                });
    }

    /** The backup sets of the project at {@code root}, as {@code backup create --project} runs them. */
    List<BackupSetPlan> backupSets(Path root) throws IOException {
        return backups.backupSets(root);
    }

    /**
     * Backs up a project's backup set in the background: archived once, delivered to each of its destinations that
     * is there, then each keeps only the set's last backups. A destination that is not there (a stick not plugged
     * in) is named in the outcome; one that fails is reported as an error.
     */
    boolean backUpSet(WorkbenchContext context, BackupSetPlan set) {
        return start(
                context,
                "Back up set '" + set.name() + "'",
                progress -> {
                    List<Path> present = set.destinations().stream()
                            .filter(Files::isDirectory)
                            .toList();
                    if (present.isEmpty()) {
                        throw new IOException("none of the destinations of backup set '" + set.name() + "' is there: "
                                + join(set.destinations()));
                    }
                    List<SetDelivery> deliveries = backups.create(set, progress);
                    List<String> failures = new ArrayList<>();
                    for (SetDelivery delivery : deliveries) {
                        if (delivery.failure().isPresent() && present.contains(delivery.destination())) {
                            failures.add(delivery.destination() + ": "
                                    + delivery.failure().get());
                        }
                        delivery.pruneFailure()
                                .ifPresent(why -> failures.add(
                                        delivery.destination() + ": the older backups were not pruned: " + why));
                    }
                    List<Path> absent = set.destinations().stream()
                            .filter(d -> !present.contains(d))
                            .toList();
                    return new SetDelivered(deliveries, absent, failures);
                },
                done -> {
                    long delivered = 0;
                    for (SetDelivery delivery : done.deliveries()) {
                        if (delivery.result().isPresent()) {
                            delivered++;
                            lastReports.remove(delivery.result().orElseThrow().archive());
                            remember(delivery.destination());
                        }
                    }
                    lastOutcome = "Backed up set '" + set.name() + "' to " + delivered + " of "
                            + set.destinations().size() + " destinations"
                            + (done.absent().isEmpty() ? "" : "; not there: " + join(done.absent()));
                    if (!done.failures().isEmpty()) {
                        context.showError(
                                "Backup of set '" + set.name() + "' failed at " + String.join("; ", done.failures()),
                                null);
                    }
                });
    }

    private record SetDelivered(List<SetDelivery> deliveries, List<Path> absent, List<String> failures) {}

    private static String join(List<Path> paths) {
        return String.join(", ", paths.stream().map(Path::toString).toList());
    }

    /**
     * What the build makes can be made again: a backup of the open project leaves out every build output the project
     * knows of, as {@code backup create --project} does. Any other directory is taken whole.
     */
    static Selection withoutBuildOutputs(Optional<Project> project, Path source) {
        if (project.isEmpty()
                || project.get().getRoot() == null
                || !Path.of(project.get().getRoot())
                        .toAbsolutePath()
                        .normalize()
                        .equals(source.toAbsolutePath().normalize())) {
            return Selection.ALL;
        }
        return Selection.ALL.withoutBuildOutputs(project.get());
    }

    /** Verifies every archive of every present destination in the background. */
    boolean verifyAll(WorkbenchContext context) {
        List<Path> present = destinations().stream().filter(Files::isDirectory).toList();
        return start(
                context,
                "Verify all backups",
                progress -> {
                    // each archive's bytes, as the service reads them: the bar moves within an archive, and a cancel
                    // stops between its frames
                    Map<Path, List<VerifyReport>> reports = new HashMap<>();
                    for (Path destination : present) {
                        progress.checkCancelled();
                        reports.put(destination, backups.verifyDestination(destination, progress));
                    }
                    return reports;
                },
                reports -> {
                    int damaged = 0;
                    int archives = 0;
                    for (Map.Entry<Path, List<VerifyReport>> entry : reports.entrySet()) {
                        destinationProblems.remove(entry.getKey());
                        for (VerifyReport report : entry.getValue()) {
                            if (report.archive().equals(entry.getKey())) {
                                destinationProblems.put(entry.getKey(), report.problems());
                                continue;
                            }
                            archives++;
                            lastReports.put(report.archive(), report);
                            damaged += report.intact() ? 0 : 1;
                        }
                    }
                    lastOutcome = "Verified " + archives + (archives == 1 ? " archive: " : " archives: ")
                            + (damaged == 0 ? "all intact" : damaged + " damaged");
                    context.project().ifPresent(project -> BackupAnnotations.replace(project, reports.values()));
                });
    }

    /**
     * Restores the damaged blocks of {@code archive} from its repair data in the background (the archive is replaced
     * only by a repaired copy that verified in full), then reads it back past the cache to show what it holds now.
     */
    boolean repair(WorkbenchContext context, Path archive) {
        return start(
                context,
                "Repair " + archive.getFileName(),
                progress -> {
                    progress.begin("Repairing " + archive.getFileName(), -1);
                    RepairReport repair = backups.repair(archive);
                    progress.checkCancelled();
                    progress.step("Verifying " + archive.getFileName());
                    return new Repaired(repair, backups.verify(archive));
                },
                done -> {
                    lastReports.put(archive, done.after());
                    lastOutcome = done.repair().message();
                    context.project()
                            .ifPresent(project ->
                                    BackupAnnotations.replace(project, List.of(List.copyOf(lastReports.values()))));
                });
    }

    private record Repaired(RepairReport repair, VerifyReport after) {}

    /** Whether the last verification found {@code archive} damaged, and its repair data able to restore it. */
    boolean repairable(Path archive) {
        VerifyReport report = lastReports.get(archive);
        return report != null && !report.intact() && report.repairable();
    }

    /** Restores every intact file of {@code archive} into {@code target} in the background. */
    private volatile SourceBackups sourceBackups;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unsetSourceBackups")
    public void setSourceBackups(SourceBackups service) {
        sourceBackups = service;
    }

    public void unsetSourceBackups(SourceBackups service) {
        if (sourceBackups == service) {
            sourceBackups = null;
        }
    }

    /**
     * Why restoring {@code archive} into {@code target} would lose work: it replaces files whose content differs from
     * the archive's, and no verified backup holds the target as it is now. Empty when nothing would be lost.
     */
    Optional<String> restoreRisk(Path archive, Path target) throws IOException {
        return restoreRisk(archive, target, Set.of());
    }

    /** {@link #restoreRisk(Path, Path)} of restoring only {@code files} (all when empty). */
    Optional<String> restoreRisk(Path archive, Path target, Set<String> files) throws IOException {
        SourceBackups safety = sourceBackups;
        if (safety == null) {
            return Optional.of("Nothing checked whether restoring into " + target + " replaces changed files.");
        }
        return safety.restoreRisk(archive, target, files)
                .map(risk -> "Restoring replaces " + risk.replaced().size() + " changed file(s) in " + target + " ("
                        + risk.sample() + "), and " + risk.coverage().describe(Instant.now()) + ".");
    }

    boolean restore(WorkbenchContext context, Path archive, Path target, Consumer<RestoreReport> done) {
        return restore(context, archive, target, Set.of(), done);
    }

    /** Restores the named files (all when {@code files} is empty) of {@code archive} into {@code target}. */
    boolean restore(
            WorkbenchContext context, Path archive, Path target, Set<String> files, Consumer<RestoreReport> done) {
        return start(
                context,
                "Restore " + archive.getFileName(),
                progress -> backups.restore(archive, target, files, progress),
                report -> {
                    lastOutcome = restored(report, target)
                            + (report.damaged().isEmpty()
                                    ? ""
                                    : "; " + report.damaged().size() + " damaged skipped");
                    done.accept(report);
                });
    }

    /** "Restored 1 entry into T", counting files, directories and links alike, as {@code backup restore} does. */
    static String restored(RestoreReport report, Object target) {
        int count = report.restored().size();
        return "Restored " + count + (count == 1 ? " entry" : " entries") + " into " + target;
    }

    /**
     * Writes the archive's copy of {@code file} to a scratch directory in the background (repaired where the repair
     * data covers the damage, else as far as it decodes) and hands it over on the display thread.
     */
    boolean copyOf(WorkbenchContext context, Path archive, String file, Consumer<ArchiveCopy> done) {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "trestle-archive-copies")
                .resolve(archive.getFileName().toString());
        return start(
                context,
                "Read " + file + " from " + archive.getFileName(),
                progress -> {
                    progress.begin("Reading " + file + " from " + archive.getFileName(), -1);
                    return backups.copyOf(archive, file, directory);
                },
                copy -> {
                    lastOutcome = "Read " + file + " from " + archive.getFileName() + ": " + copy.note();
                    done.accept(copy);
                });
    }

    private void remember(Path destination) {
        try {
            addDestination(destination);
        } catch (IOException e) {
            lastOutcome = "Could not remember " + destination + ": " + e.getMessage();
        }
    }

    private <T> boolean start(
            WorkbenchContext context, String name, dev.trestle.core.jobs.Job<T> job, Consumer<T> applied) {
        if (running().isPresent()) {
            return false;
        }
        JobHandle<T> handle = context.jobs().schedule(name, job);
        running = handle;
        runningName = name;
        lastOutcome = "";
        changed();
        handle.result()
                .whenComplete((result, failure) -> context.asyncExec(() -> {
                    if (failure == null) {
                        applied.accept(result);
                    } else if (cause(failure) instanceof java.util.concurrent.CancellationException) {
                        lastOutcome = name + ": cancelled";
                    } else {
                        Throwable cause = cause(failure);
                        lastOutcome = name + " failed: " + cause.getMessage();
                        context.showError(name + " failed: " + cause.getMessage(), cause);
                    }
                    running = null;
                    changed();
                }));
        return true;
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
    }
}
