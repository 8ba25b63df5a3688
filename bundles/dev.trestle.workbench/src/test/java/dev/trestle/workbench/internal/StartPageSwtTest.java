package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.safety.BackupCoverage;
import dev.trestle.core.safety.DestinationAge;
import dev.trestle.core.safety.SourceBackups;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start page: in front when the window opens, with a backup line per destination and for the open project. */
class StartPageSwtTest {
    @TempDir
    Path temp;

    /** Backup records as the backup capability would report them; what the page makes of them is under test. */
    private static final class RecordedBackups implements SourceBackups {
        final List<DestinationAge> destinations = new ArrayList<>();
        BackupCoverage coverage;

        @Override
        public BackupCoverage coverage(Path root, Set<String> ignoredPrefixes) {
            return coverage == null ? BackupCoverage.none(root) : coverage;
        }

        @Override
        public Path backUp(Path root, Path destination) {
            throw new UnsupportedOperationException("the start page never backs up by itself");
        }

        @Override
        public Optional<dev.trestle.core.safety.RestoreRisk> restoreRisk(Path archive, Path target, Set<String> files) {
            throw new UnsupportedOperationException("the start page never restores");
        }

        @Override
        public List<DestinationAge> destinations() {
            return destinations;
        }
    }

    @Test
    void warnsWithoutBackupsAndGradesEachDestinationByAge() throws Exception {
        RecordedBackups backups = new RecordedBackups();
        Path project = WorkbenchFixture.copyDemoProject(temp.resolve("demo"));
        try (WorkbenchFixture fixture = WorkbenchFixture.open(temp.resolve("state"), backups)) {
            assertEquals("Start", fixture.window.editorFolder().getSelection().getText(), "in front at first");
            assertTrue(fixture.startPageBackupLines().get(0).startsWith("⚠ No verified backup anywhere yet"));

            Instant now = Instant.now();
            backups.destinations.add(new DestinationAge(
                    Path.of("/media/usb"), Optional.of("demo-1.tar.zst"), Optional.of(now.minus(Duration.ofHours(3)))));
            backups.destinations.add(new DestinationAge(
                    Path.of("/mnt/old"), Optional.of("demo-0.tar.zst"), Optional.of(now.minus(Duration.ofDays(30)))));
            backups.destinations.add(new DestinationAge(Path.of("/mnt/never"), Optional.empty(), Optional.empty()));
            backups.coverage = new BackupCoverage(
                    project,
                    Optional.of(Path.of("/media/usb/demo-1.tar.zst")),
                    Optional.of(now),
                    List.of("src/main.c"));
            fixture.openProject(project);
            fixture.showStartPage();

            List<String> lines = fixture.startPageBackupLines();
            assertTrue(lines.get(0).startsWith("✓ /media/usb: newest verified backup 3 h"), lines.get(0));
            assertTrue(lines.get(1).startsWith("⚠ /mnt/old: newest verified backup 30 d"), lines.get(1));
            assertEquals("⚠ /mnt/never: no backup was ever verified there", lines.get(2));
            assertTrue(lines.get(3).startsWith("⚠ This project: newest verified backup demo-1.tar.zst"), lines.get(3));
            assertTrue(lines.get(3).contains("1 changed since (src/main.c)"), lines.get(3));
            fixture.settle(300); // the backup lines arrive from a background check
            fixture.screenshot(Path.of("target/screenshots/start-page.png"));
        }
    }
}
