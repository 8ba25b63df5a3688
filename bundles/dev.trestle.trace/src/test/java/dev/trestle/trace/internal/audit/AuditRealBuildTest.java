package dev.trestle.trace.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.core.command.CommandFailure;
import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.PlatformSpec;
import dev.trestle.make.description.TargetSpec;
import dev.trestle.make.internal.deps.ScannerImpl;
import dev.trestle.make.internal.generate.GeneratorImpl;
import dev.trestle.model.TargetKind;
import dev.trestle.trace.audit.AuditReport;
import dev.trestle.trace.audit.BuildAudit;
import dev.trestle.trace.audit.Comparison;
import dev.trestle.trace.audit.IncludeFix;
import dev.trestle.trace.audit.IncludeFixes;
import dev.trestle.trace.audit.UnitAudit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a copy of the demo project with the makefile the make bundle generates, under the real {@code strace -f},
 * and audits the log: complete, then with one header taken out of one rule. The make bundle's implementation is on
 * the test class path only, to generate the makefile as {@code make generate} does.
 */
class AuditRealBuildTest {
    private static final Path DEMO = Path.of("../../product/demo-project");

    @TempDir
    Path temp;

    private final ScannerImpl scanner = new ScannerImpl();

    @BeforeAll
    static void needsStraceMakeAndGcc() throws Exception {
        assumeTrue(Files.isDirectory(DEMO), "no demo project at " + DEMO.toAbsolutePath());
        for (List<String> probe : List.of(
                List.of("/usr/bin/strace", "-f", "-o", "/dev/null", "true"),
                List.of("make", "--version"),
                List.of("gcc", "--version"))) {
            int exit;
            try {
                exit = run(Path.of("."), probe).exit();
            } catch (IOException e) {
                exit = -1;
            }
            assumeTrue(exit == 0, "cannot run " + probe + " here (strace needs ptrace)");
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private Path project() throws IOException {
        Path root = temp.resolve("demo");
        try (Stream<Path> files = Files.walk(DEMO)) {
            for (Path from : files.toList()) {
                Path to = root.resolve(DEMO.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        TargetSpec wordfreq = new TargetSpec(
                "wordfreq",
                TargetKind.PROGRAM,
                List.of("src/*.c", "lib/text/*.c"),
                List.of(),
                List.of("include", "lib"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        DescriptionFormat.save(
                DescriptionFormat.fileOf(root),
                new BuildDescription("demo", List.of(PlatformSpec.linuxGcc()), List.of(wordfreq)));
        return root;
    }

    /** Builds from scratch under strace, from the project directory as a user would. */
    private Path tracedBuild(Path root, Path makefile, String name) throws Exception {
        run(root, List.of("make", "-f", makefile.toString(), "clean"));
        Path log = temp.resolve(name + ".strace");
        Result build =
                run(root, List.of("/usr/bin/strace", "-f", "-o", log.toString(), "make", "-f", makefile.toString()));
        assertEquals(0, build.exit(), build.output());
        return log;
    }

    private static Map<String, Set<Path>> missingBySource(UnitAudit unit) {
        Map<String, Set<Path>> missing = new TreeMap<>();
        for (Comparison c : unit.comparisons()) {
            missing.put(c.source(), c.missing());
        }
        return missing;
    }

    @Test
    void completeGeneratedMakefileMissesNothingAndARemovedHeaderIsReportedForItsUnitOnly() throws Exception {
        Path root = project();
        BuildDescription description = DescriptionFormat.read(DescriptionFormat.fileOf(root));
        Path makefile = new GeneratorImpl(scanner).generate(root, description, "linux-gcc");
        String source = root.relativize(makefile).toString();
        AuditReport complete = new BuildAudit(scanner).run(root, tracedBuild(root, makefile, "complete"));

        assertEquals(4, complete.units().size(), "main, options, counter, tokenize: " + complete.units());
        assertEquals(0, complete.missingCount(), AuditRender.table(complete));
        UnitAudit main = unit(complete, root.resolve("src/main.c"));
        Path config = root.resolve("include/wordfreq/config.h");
        assertTrue(
                main.compiled().opened().contains(config),
                "cc1 read config.h: " + main.compiled().opened());
        assertEquals(Set.of(source, BuildAudit.SCANNER), missingBySource(main).keySet());

        String text = Files.readString(makefile);
        String rule =
                text.lines().filter(l -> l.contains("/src/main.o:")).findFirst().orElseThrow();
        String cut = rule.replace(" $(SRC)/include/wordfreq/config.h", "");
        assertTrue(cut.length() < rule.length(), "the rule lists config.h: " + rule);
        Files.writeString(makefile, text.replace(rule, cut));

        Path log = tracedBuild(root, makefile, "incomplete");
        AuditReport incomplete = new BuildAudit(scanner).run(root, log);
        assertEquals(1, incomplete.missingCount(), AuditRender.table(incomplete));
        assertEquals(
                Map.of(source, Set.of(config), BuildAudit.SCANNER, Set.of()),
                missingBySource(unit(incomplete, root.resolve("src/main.c"))));

        StringBuilder printed = new StringBuilder();
        CommandFailure failure = assertThrows(
                CommandFailure.class,
                () -> printing(printed, out -> new AuditCommands(scanner).audit(out, root.toString(), log.toString())));
        assertEquals(1, failure.status());
        assertEquals("1 missing dependencies", failure.getMessage());
        assertTrue(
                printed.toString()
                        .contains("missing: src/main.c opened include/wordfreq/config.h, not declared by " + source),
                printed.toString());
        StringBuilder json = new StringBuilder();
        assertThrows(
                CommandFailure.class,
                () -> printing(
                        json, out -> new AuditCommands(scanner).audit(out, "--json", root.toString(), log.toString())));
        assertTrue(
                json.toString().contains("\"missing\":[\"include/wordfreq/config.h\"]")
                        && json.toString().contains("\"missing\":1,"),
                json.toString());
    }

    @Test
    void aHeaderFoundOnlyThroughAHandWrittenFlagGetsAnIncludePathFixThatMakesTheNextBuildClean() throws Exception {
        Path root = project();
        Path vendor = Files.createDirectories(root.resolve("vendor/banner"));
        Files.writeString(vendor.resolve("banner.h"), "#define BANNER \"wordfreq\"\n");
        Path main = root.resolve("src/main.c");
        Files.writeString(main, "#include \"banner/banner.h\"\n" + Files.readString(main));
        BuildDescription description = DescriptionFormat.read(DescriptionFormat.fileOf(root));
        TargetSpec t = description.targets().get(0);
        TargetSpec flagged = new TargetSpec(
                t.name(),
                t.kind(),
                t.sources(),
                t.excludes(),
                t.includeDirs(),
                t.defines(),
                List.of("-I" + root.resolve("vendor")),
                t.linkFlags(),
                t.libraries(),
                t.platforms());
        DescriptionFormat.save(
                DescriptionFormat.fileOf(root),
                new BuildDescription(description.project(), description.platforms(), List.of(flagged)));
        GeneratorImpl generator = new GeneratorImpl(scanner);
        Path makefile = generator.generate(root, DescriptionFormat.read(DescriptionFormat.fileOf(root)), "linux-gcc");

        AuditReport broken = new BuildAudit(scanner).run(root, tracedBuild(root, makefile, "flagged"));
        List<IncludeFix> fixes = new IncludeFixes(scanner).find(broken);
        assertEquals(1, fixes.size(), fixes.toString());
        assertEquals("vendor", fixes.get(0).includeDir());
        assertEquals("wordfreq", fixes.get(0).target());

        BuildDescription fixed = IncludeFixes.apply(root, fixes);
        assertEquals(List.of("include", "lib", "vendor"), fixed.targets().get(0).includeDirs());
        assertEquals(List.of(), fixed.targets().get(0).flags(), "the hand-written -I is gone");
        generator.generate(root, DescriptionFormat.read(DescriptionFormat.fileOf(root)), "linux-gcc");
        AuditReport clean = new BuildAudit(scanner).run(root, tracedBuild(root, makefile, "fixed"));
        assertEquals(0, clean.missingCount(), AuditRender.table(clean));
    }

    /** A command's console, as the shell shows what a command prints while it runs. */
    @FunctionalInterface
    private interface Printing {
        void run(java.io.PrintStream console) throws Exception;
    }

    private static void printing(StringBuilder printed, Printing command) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream console = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            command.run(console);
        } finally {
            printed.append(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private static UnitAudit unit(AuditReport report, Path file) {
        return report.units().stream()
                .filter(u -> u.compiled().unit().equals(file))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + file + " in " + report.units()));
    }
}
