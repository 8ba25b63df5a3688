package dev.trestle.trace.audit;

import dev.trestle.make.deps.DependencyScanner;
import dev.trestle.make.deps.ScanOptions;
import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.Globs;
import dev.trestle.make.description.TargetSpec;
import dev.trestle.trace.ParseReport;
import dev.trestle.trace.strace.StraceParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Audits a build's declared dependencies against an {@code strace -f} log of it. Two declarations are compared, each
 * where it exists: the prerequisites of {@code build/PLATFORM/Makefile} (what make actually rebuilds on), and the
 * make bundle's scanner closure of the unit (with the description's include directories and defines when {@code
 * trestle-build.txt} exists), which shows whether the scanner itself would have missed a header.
 */
public final class BuildAudit {
    /** The {@link Comparison#source()} of the scanner's closure. */
    public static final String SCANNER = "scanner";

    private final DependencyScanner scanner;

    public BuildAudit(DependencyScanner scanner) {
        this.scanner = scanner;
    }

    /** @throws dev.trestle.make.description.DescriptionException when the project's description is malformed */
    public AuditReport run(Path projectDir, Path straceLog) throws IOException {
        Path root = projectDir.toAbsolutePath().normalize();
        CompilerReads reads = new CompilerReads(root);
        ParseReport parse = StraceParser.create().parse(straceLog, reads);
        List<Path> makefileFiles = generatedMakefiles(root);
        List<MakefileDependencies> makefiles = new ArrayList<>();
        for (Path file : makefileFiles) {
            Map<String, String> seeds =
                    Map.of("SRC", root.toString(), "BUILD_DIR", file.getParent().toString(), "CURDIR", root.toString());
            makefiles.add(MakefileDependencies.read(file, root, seeds));
        }
        Path descriptionFile = DescriptionFormat.fileOf(root);
        BuildDescription description = Files.exists(descriptionFile) ? DescriptionFormat.read(descriptionFile) : null;
        Map<String, TargetSpec> targetOf = description == null ? Map.of() : targetsBySource(root, description);
        List<UnitAudit> units = new ArrayList<>();
        for (CompiledUnit unit : reads.units()) {
            List<Comparison> comparisons = new ArrayList<>();
            for (MakefileDependencies makefile : makefiles) {
                if (makefile.hasRuleFor(unit.unit())) {
                    comparisons.add(Comparison.of(
                            root.relativize(makefile.file()).toString(),
                            unit.opened(),
                            under(root, makefile.declaredFor(unit.unit())),
                            makefile.built()));
                }
            }
            if (Files.isRegularFile(unit.unit())) { // a generated unit may be gone after the build
                TargetSpec target = targetOf.get(relative(root, unit.unit()));
                Set<Path> closure =
                        scanner.scan(unit.unit(), options(root, target)).closureUnder(root);
                comparisons.add(Comparison.of(SCANNER, unit.opened(), closure, Set.of()));
            }
            units.add(new UnitAudit(unit, comparisons));
        }
        return new AuditReport(root, units, makefileFiles, description != null, reads.unresolvedOpens(), parse);
    }

    /** {@code build/*}{@code /Makefile}: where {@code trestle make generate} writes one per platform. */
    static List<Path> generatedMakefiles(Path root) throws IOException {
        Path build = root.resolve("build");
        if (!Files.isDirectory(build)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(build)) {
            return dirs.map(d -> d.resolve("Makefile"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    static Map<String, TargetSpec> targetsBySource(Path root, BuildDescription description) throws IOException {
        Map<String, TargetSpec> bySource = new LinkedHashMap<>();
        for (TargetSpec target : description.targets()) {
            for (String source : Globs.expand(root, target)) {
                bySource.putIfAbsent(source, target); // the first target wins, as in make deps
            }
        }
        return bySource;
    }

    /** The scan the makefile generator makes for the unit's target; without a target, no -I and no -D. */
    static ScanOptions options(Path root, TargetSpec target) {
        return TargetSpec.scanOptions(root, target);
    }

    private static Set<Path> under(Path root, Set<Path> files) {
        Set<Path> under = new LinkedHashSet<>();
        files.stream().filter(f -> f.startsWith(root)).forEach(under::add);
        return under;
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
