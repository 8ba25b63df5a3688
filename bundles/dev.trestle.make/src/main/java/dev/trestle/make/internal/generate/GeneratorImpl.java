package dev.trestle.make.internal.generate;

import dev.trestle.make.clean.OutputRecord;
import dev.trestle.make.clean.SafeClean;
import dev.trestle.make.deps.DependencyScanner;
import dev.trestle.make.deps.Inclusion;
import dev.trestle.make.deps.ScanOptions;
import dev.trestle.make.deps.ScanResult;
import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.CommandSpec;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.DescriptionModel.Outputs;
import dev.trestle.make.description.Globs;
import dev.trestle.make.description.PlatformSpec;
import dev.trestle.make.description.TargetSpec;
import dev.trestle.make.generate.Backend;
import dev.trestle.make.generate.GenerationException;
import dev.trestle.make.generate.MakefileGenerator;
import dev.trestle.model.TargetKind;
import dev.trestle.model.store.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Plans the build of a description (scanning every unit's headers) and writes the makefile and the marker. */
@Component(service = MakefileGenerator.class)
public final class GeneratorImpl implements MakefileGenerator {
    /** What a path in a makefile may contain: make splits on blanks and gives meaning to {@code $ # % : ; = ( )}. */
    private static final Pattern SAFE_PATH = Pattern.compile("[^\\s$#%:;=()*?\\[\\]<>|&'\"\\\\`]+");

    private static final List<String> UNIT_SUFFIXES = List.of(".c", ".cc", ".cpp", ".cxx", ".m", ".mm", ".S");
    private final DependencyScanner scanner;
    private final String launcher;

    @Activate
    public GeneratorImpl(@Reference DependencyScanner scanner) {
        this(scanner, Regeneration.launcherOfThisProcess());
    }

    /** @param launcher the {@code trestle} launcher a build file runs to write itself again; {@code null}: none */
    GeneratorImpl(DependencyScanner scanner, String launcher) {
        this.scanner = scanner;
        this.launcher = launcher;
    }

    @Override
    public Path generate(
            Path root, BuildDescription description, String platformName, Backend backend, Path buildDirectory)
            throws IOException {
        Path src = root.toAbsolutePath().normalize();
        PlatformSpec platform = description
                .platformOrBuiltIn(platformName)
                .orElseThrow(() ->
                        new GenerationException("no [platform " + platformName + "] in " + DescriptionFormat.fileOf(src)
                                + " and no built-in platform of that name (built in: "
                                + String.join(
                                        ", ",
                                        PlatformSpec.BUILT_IN.stream()
                                                .map(PlatformSpec::name)
                                                .toList()) + ")"));
        checkPath(src.toString(), "the project directory");
        Path buildDir = buildDirectory == null
                ? src.resolve(SafeClean.buildDirectory(platform.name()))
                : buildDirectoryInside(src, buildDirectory);
        Path makefile = buildDir.resolve(backend.fileName());
        refuseForeign(makefile, buildDir);
        Path database = buildDir.resolve(CompileCommands.FILE_NAME);
        if (Files.exists(database) && !Files.exists(buildDir.resolve(MARKER))) {
            throw new GenerationException("not overwriting " + database + ": Trestle did not write it (no " + MARKER
                    + " in " + buildDir + ")");
        }
        Plan plan = plan(src, description, platform);
        Regeneration regeneration = launcher == null
                ? null
                : Regeneration.of(
                        src, description, platform, backend, launcher, buildDirectory == null ? null : buildDir);
        String text = backend == Backend.NINJA
                ? NinjaText.render(plan, buildDir.relativize(src), regeneration)
                : MakefileText.render(plan, regeneration, buildDir.relativize(src));
        // the project file first: saving it touches the source root, which the build file's regeneration watches,
        // and the build file must be the newest of all
        OutputRecord.record(
                src,
                description,
                platform.name(),
                plan.builtFiles(),
                src.relativize(buildDir).toString().replace('\\', '/'));
        Files.createDirectories(buildDir);
        byte[] marker = (CleanRule.markerContent(platform.name()) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(buildDir.resolve(MARKER), out -> out.write(marker));
        if (regeneration != null) {
            regeneration.writeRecord(buildDir);
        }
        byte[] json = CompileCommands.render(plan, src, buildDir).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(database, out -> out.write(json));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(makefile, out -> out.write(bytes));
        return makefile;
    }

    /**
     * A build directory chosen by the user: inside the project, so that its outputs are project files the model and
     * the safe clean can name, and never the project root itself or a directory of sources.
     */
    private static Path buildDirectoryInside(Path src, Path chosen) throws IOException {
        Path dir = src.resolve(chosen).toAbsolutePath().normalize();
        if (!dir.startsWith(src) || dir.equals(src)) {
            throw new GenerationException("the build directory " + chosen + " must be inside " + src
                    + " and not the project directory itself");
        }
        String relative = src.relativize(dir).toString().replace('\\', '/');
        if (!relative.matches("[A-Za-z0-9._+/-]+") || relative.equals("build") || relative.startsWith(".")) {
            throw new GenerationException("the build directory " + relative + " needs a plain name (letters, digits,"
                    + " '.', '_', '+', '-', '/'; not 'build' itself, which holds every platform's directory)");
        }
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER))) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new GenerationException("not using " + dir + " as the build directory: it holds files and"
                            + " Trestle did not create it (no " + MARKER + "); choose a new or empty directory");
                }
            }
        }
        return dir;
    }

    private static void refuseForeign(Path makefile, Path buildDir) throws IOException {
        if (Files.exists(makefile)) {
            try (BufferedReader in = Files.newBufferedReader(makefile, StandardCharsets.ISO_8859_1)) {
                String first = in.readLine();
                if (first == null || !first.startsWith(HEADER)) {
                    throw new GenerationException("not overwriting " + makefile + ": Trestle did not write it");
                }
            }
        } else if (Files.isDirectory(buildDir) && !Files.exists(buildDir.resolve(MARKER))) {
            try (var entries = Files.list(buildDir)) {
                if (entries.findAny().isPresent()) {
                    throw new GenerationException("not writing into " + buildDir + ": it exists, is not empty, and"
                            + " Trestle did not create it (no " + MARKER + ")");
                }
            }
        }
    }

    private Plan plan(Path src, BuildDescription description, PlatformSpec platform) throws IOException {
        List<Plan.Step> steps = steps(description);
        List<Plan.Unit> units = new ArrayList<>();
        List<Plan.Output> outputs = new ArrayList<>();
        List<TargetSpec> targets = description.targets().stream()
                .filter(t -> t.buildsOn(platform.name()))
                .toList();
        for (TargetSpec declared : targets) {
            TargetSpec target = declared.on(platform.name());
            List<String> sources = Globs.expand(src, target).stream()
                    .filter(f -> UNIT_SUFFIXES.stream().anyMatch(f::endsWith))
                    .toList();
            if (sources.isEmpty()) {
                throw new GenerationException("target " + target.name() + " has no sources: " + target.sources()
                        + " matches no C, C++, Objective-C or .S file below " + src);
            }
            Map<Path, ScanResult> scans =
                    scanner.scanAll(sources.stream().map(src::resolve).toList(), options(src, target, platform));
            for (String dir : target.includeDirs()) {
                checkPath(dir, "include directory");
            }
            List<String> objects = new ArrayList<>();
            for (String source : sources) {
                checkPath(source, "source file");
                String object = "obj/" + target.name() + "/" + source.substring(0, source.lastIndexOf('.'))
                        + new Toolchain(platform).objectSuffix();
                List<String> headers = new ArrayList<>();
                ScanResult scan = scans.get(src.resolve(source).normalize());
                for (Path header : scan.closureUnder(src)) {
                    String relative = src.relativize(header).toString().replace('\\', '/');
                    checkPath(relative, "header");
                    headers.add(relative);
                }
                units.add(new Plan.Unit(target, source, object, headers, generatedFor(scan, steps)));
                objects.add(object);
            }
            outputs.add(output(target, objects, description, platform));
        }
        return new Plan(DescriptionFormat.FILE_NAME, platform, units, outputs, steps);
    }

    private static List<Plan.Step> steps(BuildDescription description) throws GenerationException {
        List<Plan.Step> steps = new ArrayList<>();
        for (CommandSpec command : description.commands()) {
            List<String> outputs = new ArrayList<>();
            for (String output : command.outputs()) {
                checkPath(output, "output of command " + command.name());
                outputs.add(Plan.GENERATED + "/" + output);
            }
            for (String input : command.inputs()) {
                checkPath(input, "input of command " + command.name());
            }
            steps.add(new Plan.Step(command.name(), outputs, command.inputs(), command.run()));
        }
        return steps;
    }

    /**
     * The generated files a unit may include: those an include it could not resolve names, by the same path below
     * {@code gen/} or, failing that, the same file name (an include spelled through a directory the scanner does not
     * know). The edges are order-only, so they cost nothing once the files exist; after the first build the
     * compiler's depfile says which unit really includes which.
     */
    private static List<String> generatedFor(ScanResult scan, List<Plan.Step> steps) {
        List<String> generated = new ArrayList<>();
        for (Inclusion inclusion : scan.inclusions()) {
            if (inclusion.resolved() != null) {
                continue;
            }
            String spelling = inclusion.spelling();
            String name = spelling.substring(spelling.lastIndexOf('/') + 1);
            for (Plan.Step step : steps) {
                for (String output : step.outputs()) {
                    boolean match = output.equals(Plan.GENERATED + "/" + spelling)
                            || output.substring(output.lastIndexOf('/') + 1).equals(name);
                    if (match && !generated.contains(output)) {
                        generated.add(output);
                    }
                }
            }
        }
        return generated;
    }

    private static Plan.Output output(
            TargetSpec target, List<String> objects, BuildDescription description, PlatformSpec platform) {
        List<String> archives = new ArrayList<>();
        List<String> systemLibs = new ArrayList<>();
        for (String lib : target.libraries()) {
            description
                    .target(lib)
                    .filter(t -> t.kind() != TargetKind.PROGRAM)
                    .ifPresentOrElse(t -> archives.add(Outputs.linkFile(t, platform)), () -> systemLibs.add(lib));
        }
        return new Plan.Output(
                target,
                Outputs.file(target, platform),
                Outputs.importLibrary(target, platform).orElse(null),
                Outputs.soname(target, platform),
                Outputs.links(target, platform),
                objects,
                archives,
                systemLibs);
    }

    private static ScanOptions options(Path src, TargetSpec target, PlatformSpec platform) {
        // a compiler not installed here (clang for macOS, say) cannot be asked what it predefines: the scan then
        // takes every undecidable condition both ways, so it still finds a superset of the includes
        Toolchain toolchain = new Toolchain(platform);
        boolean probe = toolchain.installed() && !toolchain.msvc(); // cl has no -dM -E
        return target.scanOptions(src).withCompiler(probe ? toolchain.cc() : null);
    }

    private static void checkPath(String path, String what) throws GenerationException {
        if (!SAFE_PATH.matcher(path).matches()) {
            throw new GenerationException("cannot write " + what + " '" + path + "' in a makefile: rename it without"
                    + " blanks or any of $ # % : ; = ( ) * ? [ ] < > | & ' \" \\ `");
        }
    }
}
