package dev.trestle.make.internal;

import dev.trestle.core.command.CommandArguments;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.core.safety.BackupCoverage;
import dev.trestle.core.safety.SourceBackups;
import dev.trestle.make.clean.CleanRefused;
import dev.trestle.make.clean.SafeClean;
import dev.trestle.make.description.DescriptionException;
import dev.trestle.make.description.DescriptionFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code make:build} and {@code make:clean}: running the generated makefile, under {@code strace -f} when asked,
 * and cleaning behind the safety net (a verified backup of the sources no older than their last change, and only
 * files the project model lists as build outputs).
 */
@Component(
        service = BuildCommands.class,
        property = {"osgi.command.scope=make", "osgi.command.function=build", "osgi.command.function=clean"})
public final class BuildCommands {

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SourceBackups backups;

    @Descriptor("run make -j on the generated makefile; with --trace LOG under strace -f, for trace audit")
    public String build(
            CommandSession session,
            @Descriptor("DIR [--platform P] [--build-dir D] [--trace LOG] [-j N]") String... args)
            throws IOException, InterruptedException {
        return build(session.getConsole(), args);
    }

    /** {@code make:build}, printing make's output to {@code console} as it comes. */
    String build(PrintStream console, String... args) throws IOException, InterruptedException {
        String usage = "usage: make build DIR [--platform PLATFORM] [--build-dir D] [--trace LOG] [-j N]";
        if (args.length == 0 || args.length % 2 == 0) {
            throw CommandFailure.usage(usage);
        }
        Path root = CommandArguments.directory(args[0]);
        String platform = null;
        Path trace = null;
        String buildDirectory = null;
        int jobs = Math.max(2, Runtime.getRuntime().availableProcessors());
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--platform" -> platform = args[i + 1];
                case "--build-dir" -> buildDirectory = args[i + 1];
                case "--trace" -> trace = CommandArguments.path(args[i + 1]);
                case "-j" -> jobs = positive(args[i + 1]);
                default -> throw CommandFailure.usage(usage + "; unknown option: " + args[i]);
            }
        }
        platform = platform != null ? platform : defaultPlatform(root);
        Path makefile = root.resolve(buildDirectory != null ? buildDirectory : SafeClean.buildDirectory(platform))
                .resolve("Makefile");
        if (!Files.isRegularFile(makefile)) {
            throw CommandFailure.usage("no " + makefile + " (run: make generate " + root + ")");
        }
        if (trace != null) {
            Tools.requireStrace();
        }
        BuildProcess.Result result = new BuildProcess(root, makefile, jobs, trace).run(console::println);
        if (result.exitCode() != 0) {
            throw CommandFailure.finding("make exited with status " + result.exitCode()
                    + (result.errors() > 0 ? "; " + result.errors() + " compiler error(s)" : ""));
        }
        return "built " + root.relativize(makefile.getParent()) + (trace == null ? "" : "; trace in " + trace);
    }

    @Descriptor("remove the build outputs the project model lists, after checking the sources are backed up")
    public String clean(
            CommandSession session,
            @Descriptor("DIR [--platform P] [--build-dir D] [--backup-to DEST] [--dry-run]") String... args)
            throws IOException {
        return clean(session.getConsole(), args);
    }

    /** {@code make:clean}, printing its warnings to {@code console} before it cleans. */
    String clean(PrintStream console, String... args) throws IOException {
        String usage = "usage: make clean DIR [--platform PLATFORM] [--build-dir D] [--backup-to DEST] [--dry-run]";
        if (args.length == 0) {
            throw CommandFailure.usage(usage);
        }
        Path root = CommandArguments.directory(args[0]);
        String platform = null;
        Path backupTo = null;
        String buildDirectory = null;
        boolean dryRun = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--platform", "--backup-to", "--build-dir" -> {
                    if (i + 1 == args.length) {
                        throw CommandFailure.usage(usage + "; " + args[i] + " needs a value");
                    }
                    switch (args[i]) {
                        case "--platform" -> platform = args[++i];
                        case "--build-dir" -> buildDirectory = relativeInside(root, args[++i]);
                        default -> backupTo = CommandArguments.directory(args[++i]);
                    }
                }
                default -> throw CommandFailure.usage(usage + "; unknown option: " + args[i]);
            }
        }
        platform = platform != null ? platform : defaultPlatform(root);
        List<String> lines = new ArrayList<>();
        SourceBackups safety = backups;
        if (safety == null) {
            console.println("warning: the backup capability is not installed, so nothing checked that " + root
                    + " is backed up");
        } else {
            if (backupTo != null) {
                lines.add("backed up and verified: " + safety.backUp(root, backupTo));
            }
            BackupCoverage coverage = safety.coverage(root);
            if (!coverage.current()) {
                console.println("warning: " + coverage.describe(Instant.now()) + "; make one first with: make clean "
                        + root + " --backup-to DEST");
            }
        }
        try {
            SafeClean clean = buildDirectory == null
                    ? new SafeClean(root, platform)
                    : new SafeClean(root, platform, buildDirectory);
            lines.add(clean.run(dryRun).summary().strip());
        } catch (CleanRefused e) {
            throw CommandFailure.finding(e.getMessage());
        }
        return String.join("\n", lines);
    }

    /** A build directory given on the command line, as a path relative to the project. */
    private static String relativeInside(Path root, String given) {
        Path dir = root.toAbsolutePath().normalize().resolve(given).normalize();
        Path project = root.toAbsolutePath().normalize();
        if (!dir.startsWith(project) || dir.equals(project)) {
            throw CommandFailure.usage("the build directory " + given + " is not inside " + project);
        }
        return project.relativize(dir).toString().replace('\\', '/');
    }

    private static String defaultPlatform(Path root) throws IOException {
        try {
            return DescriptionFormat.defaultPlatform(root);
        } catch (DescriptionException e) {
            throw CommandFailure.badInput(e.getMessage(), e);
        }
    }

    private static int positive(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CommandFailure.usage("-j needs a positive number, found: " + value);
    }
}
