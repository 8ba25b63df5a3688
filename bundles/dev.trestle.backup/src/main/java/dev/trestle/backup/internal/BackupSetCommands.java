package dev.trestle.backup.internal;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.Selection;
import dev.trestle.backup.internal.archive.SelectionFilter;
import dev.trestle.core.command.CommandArguments;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.core.command.JsonText;
import dev.trestle.model.BackupSet;
import dev.trestle.model.Project;
import dev.trestle.model.TrestleFactory;
import dev.trestle.model.store.ProjectFileException;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;

/**
 * {@code backup:set}: the backup sets of a project's file ({@code project.trestle}), shown, made or changed from the
 * command line, so that {@code backup create --project DIR} has one to run without editing the file by hand. Each
 * list given (sources, excludes, destinations) replaces the set's; what is not given stays as it was.
 */
@Component(
        service = BackupSetCommands.class,
        property = {"osgi.command.scope=backup", "osgi.command.function=set"})
public final class BackupSetCommands {
    private static final String USAGE = "usage: backup set DIR [NAME [--source PATH]... [--exclude GLOB]..."
            + " [--destination DIR]... [--format tar.zst|tar.bz2] [--keep N]] [--json]";

    /** What one invocation asks of a set: null or empty where it leaves the set as it is. */
    private record Change(
            List<String> sources, List<String> excludes, List<String> destinations, String format, Integer keep) {
        boolean isEmpty() {
            return sources.isEmpty() && excludes.isEmpty() && destinations.isEmpty() && format == null && keep == null;
        }
    }

    @Descriptor("show a project's backup sets, or make or change one: what it backs up (sources and exclude globs,"
            + " relative to DIR), where to (destinations), the format and how many backups to keep at each")
    public String set(
            @Descriptor("DIR [NAME [--source PATH]... [--exclude GLOB]... [--destination DIR]... [--format F]"
                            + " [--keep N]] [--json]")
                    String... given)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(given));
        boolean json = args.remove("--json");
        Change change = new Change(
                values(args, "--source"),
                values(args, "--exclude"),
                values(args, "--destination"),
                single(args, "--format"),
                keep(single(args, "--keep")));
        if (args.isEmpty() || args.size() > 2 || args.stream().anyMatch(a -> a.startsWith("--"))) {
            throw CommandFailure.usage(USAGE);
        }
        Path root = CommandArguments.directory(args.get(0));
        Project project = project(root);
        if (args.size() == 1) {
            if (!change.isEmpty()) {
                throw CommandFailure.usage("name the set to change; " + USAGE);
            }
            return json ? json(project.getBackupSets()) : list(root, project.getBackupSets());
        }
        String name = args.get(1);
        BackupSet set = project.getBackupSets().stream()
                .filter(s -> name.equals(s.getName()))
                .findFirst()
                .orElse(null);
        if (change.isEmpty()) {
            if (set == null) {
                throw CommandFailure.finding("no backup set '" + name + "' in " + ProjectStore.fileOf(root)
                        + (project.getBackupSets().isEmpty() ? "" : "; it has: " + names(project))
                        + " (make it: backup set " + root + " " + name + " --destination DIR)");
            }
            return json ? json(List.of(set)) : describe(root, set);
        }
        if (set == null && change.destinations().isEmpty()) {
            throw CommandFailure.usage("a new backup set needs at least one --destination");
        }
        boolean created = set == null;
        BackupSet changed = created ? TrestleFactory.eINSTANCE.createBackupSet() : set;
        apply(root, changed, name, change);
        if (created) {
            project.getBackupSets().add(changed);
        }
        ProjectStore.save(project);
        return json
                ? json(List.of(changed))
                : (created ? "made" : "changed") + " " + describe(root, changed) + "\nsaved in "
                        + ProjectStore.fileOf(root);
    }

    private static Project project(Path root) throws IOException {
        if (!ProjectStore.exists(root)) {
            throw CommandFailure.usage(
                    "no " + ProjectStore.FILE_NAME + " in " + root + " (run: project init " + root + ")");
        }
        try {
            return ProjectStore.load(root);
        } catch (ProjectFileException e) {
            throw CommandFailure.badInput(e.getMessage(), e);
        }
    }

    /** Checks every value first, so that a bad one leaves the set and the file as they were. */
    private static void apply(Path root, BackupSet set, String name, Change change) {
        List<String> sources = change.sources().isEmpty() ? set.getSourceRoots() : change.sources();
        for (String source : change.sources()) {
            checkSource(root, source);
        }
        List<String> excludes = change.excludes().isEmpty() ? set.getExcludePatterns() : change.excludes();
        for (String exclude : change.excludes()) {
            try {
                new SelectionFilter(new Selection(List.of(), List.of(exclude)));
            } catch (PatternSyntaxException e) {
                throw CommandFailure.usage("--exclude " + exclude + " is not a glob: " + e.getDescription());
            }
        }
        List<String> destinations = change.destinations().isEmpty() ? set.getDestinations() : change.destinations();
        SelectionFilter taken = new SelectionFilter(new Selection(sources, excludes));
        for (String destination : destinations) {
            checkDestination(root, destination, taken);
        }
        String format = change.format() != null ? change.format() : set.getFormat();
        if (format != null && !format.isEmpty() && ArchiveFormat.named(format).isEmpty()) {
            throw CommandFailure.usage("unknown format " + format + ": use tar.zst or tar.bz2");
        }
        set.setName(name);
        if (!change.sources().isEmpty()) {
            set.getSourceRoots().clear();
            set.getSourceRoots().addAll(change.sources());
        }
        if (!change.excludes().isEmpty()) {
            set.getExcludePatterns().clear();
            set.getExcludePatterns().addAll(change.excludes());
        }
        if (!change.destinations().isEmpty()) {
            set.getDestinations().clear();
            set.getDestinations().addAll(change.destinations());
        }
        if (change.format() != null) {
            set.setFormat(change.format());
        }
        if (change.keep() != null) {
            set.setKeepLast(change.keep());
        }
    }

    private static void checkSource(Path root, String source) {
        Path path;
        try {
            path = Path.of(source);
        } catch (InvalidPathException e) {
            throw CommandFailure.usage("--source " + source + " is not a path");
        }
        if (path.isAbsolute() || !root.resolve(path).normalize().startsWith(root)) {
            throw CommandFailure.usage("--source " + source + " must lie inside the project, relative to " + root);
        }
        if (!Files.exists(root.resolve(path))) {
            throw CommandFailure.usage("--source " + source + ": no such file or directory in " + root);
        }
    }

    /** A destination inside what the set takes would archive the earlier archives again, each time larger. */
    private static void checkDestination(Path root, String destination, SelectionFilter taken) {
        Path resolved;
        try {
            resolved = root.resolve(destination).normalize();
        } catch (InvalidPathException e) {
            throw CommandFailure.usage("--destination " + destination + " is not a path");
        }
        if (resolved.equals(root)) {
            throw CommandFailure.usage("--destination " + destination + " is the project itself");
        }
        if (resolved.startsWith(root)) {
            Path relative = root.relativize(resolved);
            for (int depth = 1; depth <= relative.getNameCount(); depth++) {
                String prefix = relative.subpath(0, depth).toString().replace('\\', '/');
                if (!taken.takes(prefix, true)) {
                    return;
                }
            }
            throw CommandFailure.usage("--destination " + destination
                    + " lies inside what the set backs up: each backup would hold the ones before it");
        }
    }

    private static List<String> values(List<String> args, String option) {
        List<String> values = new ArrayList<>();
        for (int i = args.indexOf(option); i >= 0; i = args.indexOf(option)) {
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw CommandFailure.usage(option + " needs a value; " + USAGE);
            }
            values.add(args.remove(i + 1));
            args.remove(i);
        }
        return values;
    }

    private static String single(List<String> args, String option) {
        List<String> values = values(args, option);
        if (values.size() > 1) {
            throw CommandFailure.usage(option + " given " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static Integer keep(String value) {
        if (value == null) {
            return null;
        }
        try {
            int keep = Integer.parseInt(value);
            if (keep >= 0) {
                return keep;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw CommandFailure.usage("--keep " + value + ": how many backups to keep at each destination, 0 for all");
    }

    private static String names(Project project) {
        return project.getBackupSets().stream().map(BackupSet::getName).collect(Collectors.joining(", "));
    }

    private static String list(Path root, List<BackupSet> sets) {
        if (sets.isEmpty()) {
            return "no backup sets in " + ProjectStore.fileOf(root) + " (make one: backup set " + root
                    + " NAME --destination DIR)";
        }
        return sets.stream().map(set -> describe(root, set)).collect(Collectors.joining("\n"));
    }

    private static String describe(Path root, BackupSet set) {
        String format = set.getFormat() == null || set.getFormat().isEmpty() ? "tar.zst" : set.getFormat();
        return "backup set '" + set.getName() + "' of " + root + "\n"
                + "  sources       "
                + (set.getSourceRoots().isEmpty() ? "the whole project" : String.join(", ", set.getSourceRoots()))
                + "\n"
                + "  excludes      "
                + (set.getExcludePatterns().isEmpty() ? "none" : String.join(", ", set.getExcludePatterns()))
                + ", and every build output the project knows of\n"
                + "  destinations  " + String.join(", ", set.getDestinations()) + "\n"
                + "  format        " + format + "\n"
                + "  keep          "
                + (set.getKeepLast() <= 0 ? "every backup" : set.getKeepLast() + " at each destination");
    }

    private static String json(List<BackupSet> sets) {
        return sets.stream()
                .map(set -> "{\"name\":" + JsonText.quote(set.getName())
                        + ",\"sources\":" + strings(set.getSourceRoots())
                        + ",\"excludes\":" + strings(set.getExcludePatterns())
                        + ",\"destinations\":" + strings(set.getDestinations())
                        + ",\"format\":"
                        + JsonText.quote(
                                set.getFormat() == null || set.getFormat().isEmpty() ? "tar.zst" : set.getFormat())
                        + ",\"keep\":" + Math.max(0, set.getKeepLast()) + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String strings(List<String> values) {
        return values.stream().map(JsonText::quote).collect(Collectors.joining(",", "[", "]"));
    }
}
