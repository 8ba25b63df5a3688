package dev.trestle.backup.internal;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.BackupService;
import dev.trestle.backup.DestinationStatus;
import dev.trestle.backup.TreeComparison;
import dev.trestle.core.safety.BackupCoverage;
import dev.trestle.core.safety.DestinationAge;
import dev.trestle.core.safety.RestoreRisk;
import dev.trestle.core.safety.SourceBackups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The safety net's view of backups: among the archives at every destination this machine backed up to, the newest
 * one that was recorded as good for this very source tree, compared with the tree as it is now.
 */
@Component(service = SourceBackups.class)
public final class SourceBackupsImpl implements SourceBackups {
    private final BackupService backups;

    @Activate
    public SourceBackupsImpl(@Reference BackupService backups) {
        this.backups = backups;
    }

    @Override
    public BackupCoverage coverage(Path root, Set<String> ignoredPrefixes) throws IOException {
        Path source = root.toAbsolutePath().normalize();
        Optional<Candidate> newest = Optional.empty();
        for (DestinationStatus destination : backups.status()) {
            for (Path archive : archivesIn(destination.destination())) {
                if (!backups.recordedSource(archive).map(source::equals).orElse(false)) {
                    continue;
                }
                Instant made = Files.getLastModifiedTime(archive).toInstant();
                Instant verified = destination
                        .newestArchive()
                        .filter(name -> name.equals(archive.getFileName().toString()))
                        .flatMap(name -> destination.newestVerified())
                        .orElse(made);
                if (newest.isEmpty() || made.isAfter(newest.get().made())) {
                    newest = Optional.of(new Candidate(archive, made, verified));
                }
            }
        }
        if (newest.isEmpty()) {
            return BackupCoverage.none(source);
        }
        TreeComparison comparison = backups.compare(newest.get().archive(), source);
        List<String> changed = new ArrayList<>();
        Stream.of(comparison.added(), comparison.removed(), comparison.changed(), comparison.problems())
                .flatMap(List::stream)
                .filter(path -> ignoredPrefixes.stream().noneMatch(path::startsWith))
                .sorted()
                .forEach(changed::add);
        return new BackupCoverage(
                source,
                Optional.of(newest.get().archive()),
                Optional.of(newest.get().verified()),
                changed);
    }

    @Override
    public Path backUp(Path root, Path destination) throws IOException {
        return backups.create(root.toAbsolutePath().normalize(), destination, ArchiveFormat.TAR_ZST)
                .archive();
    }

    @Override
    public Optional<RestoreRisk> restoreRisk(Path archive, Path target, Set<String> files) throws IOException {
        if (!Files.isDirectory(target)) {
            return Optional.empty(); // a fresh target: nothing to replace
        }
        List<String> replaced = backups.compare(archive, target).changed().stream()
                .filter(path ->
                        files.isEmpty() || files.stream().anyMatch(f -> path.equals(f) || path.startsWith(f + "/")))
                .toList();
        if (replaced.isEmpty()) {
            return Optional.empty();
        }
        BackupCoverage coverage = coverage(target);
        return coverage.current() ? Optional.empty() : Optional.of(new RestoreRisk(target, replaced, coverage));
    }

    @Override
    public List<DestinationAge> destinations() throws IOException {
        return backups.status().stream()
                .map(d -> new DestinationAge(d.destination(), d.newestArchive(), d.newestVerified()))
                .toList();
    }

    private record Candidate(Path archive, Instant made, Instant verified) {}

    private static List<Path> archivesIn(Path destination) throws IOException {
        if (!Files.isDirectory(destination)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(destination)) {
            return files.filter(f ->
                            ArchiveFormat.ofFile(f.getFileName().toString()).isPresent())
                    .filter(Files::isRegularFile)
                    .toList();
        }
    }
}
