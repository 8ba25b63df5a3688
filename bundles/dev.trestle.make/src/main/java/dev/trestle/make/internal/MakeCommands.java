package dev.trestle.make.internal;

import dev.trestle.core.command.CommandFailure;
import dev.trestle.make.deps.DependencyScanner;
import dev.trestle.make.deps.Inclusion;
import dev.trestle.make.deps.Problem;
import dev.trestle.make.deps.ScanOptions;
import dev.trestle.make.deps.ScanResult;
import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionException;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.Globs;
import dev.trestle.make.description.Includers;
import dev.trestle.make.description.Proposer;
import dev.trestle.make.description.TargetSpec;
import dev.trestle.make.generate.Backend;
import dev.trestle.make.generate.GenerationException;
import dev.trestle.make.generate.MakefileGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code make:init}, {@code make:generate}, {@code make:deps} and {@code make:scan}: the build description, the
 * build files and the scanner from the shell.
 */
@Component(
        service = MakeCommands.class,
        property = {
            "osgi.command.scope=make",
            "osgi.command.function=init",
            "osgi.command.function=generate",
            "osgi.command.function=deps",
            "osgi.command.function=scan",
            "osgi.command.function=includers"
        })
public final class MakeCommands {
    private static final int PROBLEMS_SHOWN = 10;

    private final DependencyScanner scanner;
    private final MakefileGenerator generator;

    @Activate
    public MakeCommands(@Reference DependencyScanner scanner, @Reference MakefileGenerator generator) {
        this.scanner = scanner;
        this.generator = generator;
    }

    @Descriptor("propose a build description (" + DescriptionFormat.FILE_NAME + ") from a source tree")
    public String init(@Descriptor("DIR [--exclude GLOB]... [--define NAME=VALUE]... [--force]") String... args)
            throws IOException {
        String usage = "usage: make init DIR [--exclude GLOB]... [--define NAME=VALUE]... [--force]";
        if (args.length == 0) {
            throw CommandFailure.usage(usage);
        }
        boolean force = false;
        List<String> excludes = new java.util.ArrayList<>();
        List<String> defines = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--force" -> force = true;
                case "--exclude", "--define" -> {
                    if (i + 1 == args.length) {
                        throw CommandFailure.usage(usage + "; " + args[i] + " needs a value");
                    }
                    (args[i].equals("--exclude") ? excludes : defines).add(args[++i]);
                }
                default -> throw CommandFailure.usage(usage + "; unknown option: " + args[i]);
            }
        }
        Path root = directory(args[0]);
        Path file = DescriptionFormat.fileOf(root);
        if (Files.exists(file) && !force) {
            throw CommandFailure.usage(file + " exists; add --force to replace it");
        }
        BuildDescription description = Proposer.propose(root, excludes, defines);
        DescriptionFormat.save(file, description);
        int targets = description.targets().size();
        return "wrote " + file + ": " + targets + (targets == 1 ? " target" : " targets");
    }

    @Descriptor("write DIR/build/PLATFORM/Makefile (or build.ninja) and compile_commands.json from the description")
    public String generate(
            @Descriptor("DIR [--platform linux-gcc] [--backend make|ninja] [--build-dir D]") String... args)
            throws IOException {
        String usage =
                "usage: make generate DIR [--platform linux-gcc|linux-clang|macos-clang|mingw64|msvc|NAME] [--backend make|ninja] [--build-dir D]";
        if (args.length == 0 || args.length % 2 == 0) {
            throw CommandFailure.usage(usage);
        }
        String platform = null;
        Backend backend = Backend.MAKE;
        String buildDirectory = null;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--platform" -> platform = args[i + 1];
                case "--build-dir" -> buildDirectory = args[i + 1];
                case "--backend" ->
                    backend = switch (args[i + 1]) {
                        case "make" -> Backend.MAKE;
                        case "ninja" -> Backend.NINJA;
                        default ->
                            throw CommandFailure.usage("expected --backend make or ninja, found: " + args[i + 1]);
                    };
                default -> throw CommandFailure.usage(usage + "; unknown option: " + args[i]);
            }
        }
        Path root = directory(args[0]);
        BuildDescription description = description(root);
        if (platform == null) {
            platform = description.defaultPlatform();
        }
        try {
            return "wrote "
                    + generator.generate(
                            root,
                            description,
                            platform,
                            backend,
                            buildDirectory == null ? null : root.resolve(buildDirectory));
        } catch (GenerationException e) {
            throw CommandFailure.badInput(e.getMessage(), e);
        }
    }

    @Descriptor("the headers a file includes, directly or not, and why each is there, with the include paths of the"
            + " target that builds it (of DIR's description, or of the one 'make init' would propose)")
    public String deps(@Descriptor("project directory") String dir, @Descriptor("source file") String file)
            throws IOException {
        Path root = directory(dir);
        Path unit = root.resolve(file).normalize();
        if (!Files.isRegularFile(unit)) {
            throw CommandFailure.usage("not a file: " + file);
        }
        String relative = root.relativize(unit).toString().replace('\\', '/');
        TargetSpec target = null;
        BuildDescription description = describedOrProposed(root);
        for (TargetSpec declared : description.targets()) {
            TargetSpec t = declared.on(description.defaultPlatform());
            if (Globs.expand(root, t).contains(relative)) {
                target = t;
                break;
            }
        }
        ScanResult result = scanner.scan(unit, options(root, target));
        return DepsReport.render(root, result);
    }

    @Descriptor("scan every translation unit of DIR's description (or of the one 'make init' would propose) and count;"
            + " --fresh reads every file again rather than trusting those read before")
    public String scan(@Descriptor("DIR [--list] [--fresh]") String... args) throws IOException {
        List<String> flags = args.length == 0 ? List.of() : List.of(args).subList(1, args.length);
        if (args.length == 0
                || !List.of("--list", "--fresh").containsAll(flags)
                || flags.size() != new java.util.HashSet<>(flags).size()) {
            throw CommandFailure.usage("usage: make scan DIR [--list] [--fresh]");
        }
        boolean list = flags.contains("--list");
        Path root = directory(args[0]);
        if (flags.contains("--fresh")) {
            scanner.forgetFiles();
        }
        BuildDescription description = describedOrProposed(root);
        long start = System.nanoTime();
        // hashed while counting, sorted only when listed: a tree set of paths cost a tenth of the scan
        java.util.Set<Path> files = new java.util.HashSet<>();
        int units = 0;
        long edges = 0;
        long problems = 0;
        // the same problem (a header not found from one line) recurs in every unit that includes that line
        Map<Problem, Integer> distinct = new HashMap<>();
        for (TargetSpec declared : description.targets()) {
            // as the default platform builds it, with its platform-only sources and flags
            TargetSpec target = declared.on(description.defaultPlatform());
            List<Path> sources = Globs.expand(root, target).stream()
                    .filter(f -> !f.endsWith(".h"))
                    .map(root::resolve)
                    .toList();
            ScanOptions options = options(root, target);
            for (ScanResult result : scanner.scanAll(sources, options).values()) {
                units++;
                java.util.Set<Path> closure = result.closure();
                files.add(result.unit());
                files.addAll(closure);
                edges += closure.size();
                problems += result.problems().size();
                for (Problem problem : result.problems()) {
                    distinct.merge(problem, 1, Integer::sum);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder out = new StringBuilder();
        if (list) {
            files.stream().sorted().forEach(f -> out.append(f).append('\n'));
        }
        out.append(String.format(
                java.util.Locale.ROOT,
                "scanned %d units in %.3f s: %d distinct files, %d include edges, %d problems%n",
                units,
                seconds,
                files.size(),
                edges,
                problems));
        appendProblems(out, root, distinct);
        return out.toString();
    }

    /** The distinct problems, those met in most units first, up to {@value #PROBLEMS_SHOWN} of them. */
    private static void appendProblems(StringBuilder out, Path root, Map<Problem, Integer> distinct) {
        List<Map.Entry<Problem, Integer>> ranked = distinct.entrySet().stream()
                .sorted(Map.Entry.<Problem, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(e -> e.getKey().file())
                        .thenComparing(e -> e.getKey().line()))
                .toList();
        for (Map.Entry<Problem, Integer> entry : ranked.subList(0, Math.min(PROBLEMS_SHOWN, ranked.size()))) {
            Problem problem = entry.getKey();
            out.append(String.format(
                    java.util.Locale.ROOT,
                    "  %5d %s  %s:%d: %s%n",
                    entry.getValue(),
                    entry.getValue() == 1 ? "unit " : "units",
                    DepsReport.display(root, problem.file()),
                    problem.line(),
                    problem.message()));
        }
        if (ranked.size() > PROBLEMS_SHOWN) {
            out.append("  and ")
                    .append(ranked.size() - PROBLEMS_SHOWN)
                    .append(" more distinct problems; make deps DIR FILE shows one unit's\n");
        }
    }

    @Descriptor("the translation units that include a header, directly or not, each with the chain that brings it in")
    public String includers(@Descriptor("project directory") String dir, @Descriptor("header file") String file)
            throws IOException {
        Path root = directory(dir);
        Path header = root.resolve(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(header)) {
            throw CommandFailure.usage("not a file: " + file);
        }
        BuildDescription description = describedOrProposed(root);
        Map<Path, List<Inclusion>> chains = Includers.of(scanner, root, description, header);
        StringBuilder out = new StringBuilder();
        chains.forEach((unit, chain) -> {
            out.append(root.relativize(unit)).append('\n');
            for (Inclusion step : chain) {
                out.append("    ")
                        .append(step.includer().startsWith(root) ? root.relativize(step.includer()) : step.includer())
                        .append(':')
                        .append(step.line())
                        .append(step.certain() ? "" : " (maybe)")
                        .append('\n');
            }
        });
        out.append(chains.size())
                .append(chains.size() == 1 ? " translation unit includes " : " translation units include ")
                .append(root.relativize(header));
        return out.toString();
    }

    private static ScanOptions options(Path root, TargetSpec target) {
        return TargetSpec.scanOptions(root, target);
    }

    /** DIR's description, or the one 'make init' would propose for it, so that a tree without one is seen whole. */
    private static BuildDescription describedOrProposed(Path root) throws IOException {
        return Files.exists(DescriptionFormat.fileOf(root)) ? description(root) : Proposer.propose(root);
    }

    private static BuildDescription description(Path root) throws IOException {
        Path file = DescriptionFormat.fileOf(root);
        if (!Files.exists(file)) {
            throw CommandFailure.usage("no " + file + " (run: make init " + root + ")");
        }
        try {
            return DescriptionFormat.read(file);
        } catch (DescriptionException e) {
            throw CommandFailure.badInput(e.getMessage(), e);
        }
    }

    private static Path directory(String dir) {
        try {
            Path root = Path.of(dir).toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                throw CommandFailure.usage("not a directory: " + dir);
            }
            return root;
        } catch (InvalidPathException e) {
            throw CommandFailure.usage("not a path: " + dir);
        }
    }

    /** The text of {@code make deps}. */
    static final class DepsReport {
        private DepsReport() {}

        static String render(Path root, ScanResult result) {
            StringBuilder out = new StringBuilder();
            int system = 0;
            for (Path header : result.closure()) {
                if (!header.startsWith(root)) {
                    system++; // listing them would bury the project's own headers
                    continue;
                }
                out.append(display(root, header)).append('\n');
                for (Inclusion step : result.why(header)) {
                    out.append("    ")
                            .append(display(root, step.includer()))
                            .append(':')
                            .append(step.line())
                            .append(step.system() ? " <" : " \"")
                            .append(step.spelling())
                            .append(step.system() ? ">" : "\"")
                            .append(step.certain() ? "" : " (maybe)")
                            .append('\n');
                }
            }
            out.append("and ").append(system).append(" system headers\n");
            for (Problem problem : result.problems()) {
                out.append("problem: ")
                        .append(display(root, problem.file()))
                        .append(':')
                        .append(problem.line())
                        .append(": ")
                        .append(problem.message())
                        .append('\n');
            }
            return out.toString();
        }

        private static String display(Path root, Path file) {
            return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
        }
    }
}
