package dev.trestle.make.description;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.model.OperatingSystem;
import dev.trestle.model.Project;
import dev.trestle.model.SourceFile;
import dev.trestle.model.TargetKind;
import dev.trestle.model.TrestleFactory;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptionFormatTest {
    private static final Path FILE = Path.of("/p/trestle-build.txt");

    @TempDir
    Path root;

    private static BuildDescription sample() {
        return new BuildDescription(
                "word freq",
                List.of(
                        PlatformSpec.linuxGcc(),
                        new PlatformSpec(
                                "mingw64", OperatingSystem.WINDOWS, "x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32")),
                List.of(
                        new TargetSpec(
                                "text",
                                TargetKind.STATIC_LIBRARY,
                                List.of("lib/**/*.c"),
                                List.of("lib/all.c"),
                                List.of("include", "dir with space"),
                                List.of("VERSION=\"1.0\"", "NDEBUG"),
                                List.of("-O2", "-Wall"),
                                List.of(),
                                List.of(),
                                List.of()),
                        new TargetSpec(
                                "wordfreq",
                                TargetKind.PROGRAM,
                                List.of("src/main.c"),
                                List.of(),
                                List.of(),
                                List.of("PATH=C:\\x"),
                                List.of(),
                                List.of("-Wl,-E"),
                                List.of("text", "m"),
                                List.of("linux-gcc", "mingw64"),
                                null,
                                List.of(
                                        new TargetVariant(
                                                "mingw64",
                                                List.of("src/win/*.c"),
                                                List.of("src/win/old.c"),
                                                List.of("win"),
                                                List.of("WIN32_LEAN_AND_MEAN"),
                                                List.of("-mconsole"),
                                                List.of("-static"),
                                                List.of("ws2_32")),
                                        new TargetVariant(
                                                "macos-clang",
                                                List.of("src/mac/*.m"),
                                                List.of(),
                                                List.of(),
                                                List.of(),
                                                List.of(),
                                                List.of("-framework", "Cocoa"),
                                                List.of()))),
                        new TargetSpec(
                                "wf",
                                TargetKind.SHARED_LIBRARY,
                                List.of("lib/a.c"),
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of(),
                                "1.2.3",
                                List.of())),
                List.of(new CommandSpec(
                        "gen-config",
                        List.of("wordfreq/generated.h", "x.h"),
                        List.of("tools/gen.sh"),
                        List.of("sh", "{src}/tools/gen.sh", "{out}", ">", "a \"quoted\" #word"))));
    }

    @Test
    void aWrittenDescriptionReadsBackEqual() throws IOException {
        String text = DescriptionFormat.format(sample());
        assertEquals(sample(), DescriptionFormat.parse(text, FILE));
        assertEquals(text, DescriptionFormat.format(DescriptionFormat.parse(text, FILE)), "stable under rewrite");
    }

    @Test
    void platformSettingsAreWrittenAsKeyOnPlatformAndApplyToThatPlatformOnly() throws IOException {
        String text = DescriptionFormat.format(sample());
        assertTrue(text.contains("\nlibs on mingw64 = ws2_32\n"), text);
        assertTrue(text.contains("\nlink-flags on macos-clang = -framework Cocoa\n"), text);
        assertTrue(text.contains("\nversion = 1.2.3\n"), text);
        TargetSpec program = DescriptionFormat.parse(
                        "project = x\n[program a]\nsources = a.c\nlibs = m\nlibs on mingw64 = ws2_32\n"
                                + "sources on macos-clang = mac/*.m\nlibs on mingw64 = iphlpapi\n",
                        FILE)
                .targets()
                .get(0);
        assertEquals(List.of("m", "ws2_32", "iphlpapi"), program.on("mingw64").libraries());
        assertEquals(List.of("a.c"), program.on("mingw64").sources());
        assertEquals(List.of("a.c", "mac/*.m"), program.on("macos-clang").sources());
        assertEquals(List.of("m"), program.on("linux-gcc").libraries());
        assertEquals(List.of(), program.on("linux-gcc").variants());
    }

    /** -include in the flags is looked up as gcc does: where the compiler runs (the root), then -I directories. */
    @Test
    void forcedIncludesInTheFlagsReachTheScanOptions(@org.junit.jupiter.api.io.TempDir Path root) throws IOException {
        java.nio.file.Files.createDirectories(root.resolve("cfg"));
        java.nio.file.Files.writeString(root.resolve("cfg/config.h"), "");
        java.nio.file.Files.writeString(root.resolve("first.h"), "");
        TargetSpec target = DescriptionFormat.parse(
                        "project = p\n[program p]\nsources = *.c\ninclude = cfg\n"
                                + "flags = -O2 -include first.h -imacros config.h -include missing.h\n",
                        FILE)
                .targets()
                .get(0);
        assertEquals(
                List.of(root.resolve("first.h"), root.resolve("cfg/config.h"), root.resolve("missing.h")),
                target.scanOptions(root).forcedIncludes());
        TargetSpec msvc = DescriptionFormat.parse(
                        "project = p\n[program p]\nsources = *.c\ninclude = cfg\nflags = /O2 /FIfirst.h /FI config.h\n",
                        FILE)
                .targets()
                .get(0);
        assertEquals(
                List.of(root.resolve("first.h"), root.resolve("cfg/config.h")),
                msvc.scanOptions(root).forcedIncludes(),
                "cl's /FI, joined or apart");
    }

    @Test
    void repeatedKeysAddAndCommentsAreIgnored() throws IOException {
        BuildDescription d = DescriptionFormat.parse(
                "# top\nproject = x\n\n[program a]\n  # indented comment\nsources = a.c\nsources = b.c c.c\n", FILE);
        assertEquals(List.of("a.c", "b.c", "c.c"), d.targets().get(0).sources());
    }

    @Test
    void parseErrorsNameTheLineAndWhatWasExpected() {
        record Case(String text, int line, String expected) {}
        for (Case c : List.of(
                new Case("project = x\n[program a]\nsource = a.c\n", 3, "unknown key 'source'"),
                new Case("project = x\n[binary a]\n", 2, "expected [KIND NAME]"),
                new Case("project = x\n[program a]\nsources = \"a.c\n", 3, "closing '\"'"),
                new Case("[program a]\n", 1, "expected 'project = NAME'"),
                new Case("project = x\n[platform p]\nos = beos\n", 3, "expected os = linux"),
                new Case("project = x\n[program a]\n[program a]\n", 3, "defined twice"),
                new Case("project = x\njust words\n", 2, "expected 'key = value'"),
                new Case("project = x\n[command g]\nrun = true\n", 2, "expected 'outputs = ...'"),
                new Case("project = x\n[command g]\noutputs = a.h\n", 2, "expected 'run = ...'"),
                new Case("project = x\n[command g]\noutputs = ../a.h\nrun = true\n", 3, "without '..'"),
                new Case("project = x\n[command g]\nsources = a.c\n", 3, "expected one of outputs, inputs, run"),
                new Case("project = x\n[program a]\nversion = 1\n", 3, "'version' is for a shared-library"),
                new Case("project = x\n[shared-library a]\nversion = 1.x\n", 3, "MAJOR[.MINOR[.PATCH]]"),
                new Case("project = x\n[shared-library a]\nversion = 1 2\n", 3, "expected one value"),
                new Case("project = x\n[program a]\nplatforms on mingw64 = x\n", 3, "before 'on mingw64'"),
                new Case("project = x\n[command g]\nrun on mingw64 = x\n", 3, "is for targets"),
                new Case(
                        "project = x\n[command g]\noutputs = a.h\nrun = true\n[command h]\noutputs = a.h\nrun = x\n",
                        5,
                        "also an output"))) {
            DescriptionException e =
                    assertThrows(DescriptionException.class, () -> DescriptionFormat.parse(c.text, FILE));
            assertEquals(c.line, e.line(), c.text);
            assertTrue(
                    e.getMessage().startsWith(FILE + ":" + c.line + ": ")
                            && e.getMessage().contains(c.expected),
                    e.getMessage());
        }
    }

    @Test
    void theModelRoundTripsTheDescriptionAndHoldsExpandedSourcesAndOutputs() throws IOException {
        Files.createDirectories(root.resolve("lib/sub"));
        Files.createDirectories(root.resolve("src"));
        for (String f : List.of("lib/a.c", "lib/sub/b.c", "lib/all.c", "src/main.c")) {
            Files.writeString(root.resolve(f), "");
        }
        Project project = ProjectStore.create(root, "ignored");
        for (String f : List.of("lib/a.c", "lib/sub/b.c", "lib/all.c", "src/main.c")) {
            SourceFile file = TrestleFactory.eINSTANCE.createSourceFile();
            file.setPath(f);
            project.getMembers().add(file);
        }
        DescriptionModel.apply(sample(), project);
        assertEquals(sample(), DescriptionModel.describe(project));
        assertEquals(
                List.of("lib/a.c", "lib/sub/b.c"),
                project.getTargets().get(0).getSources().stream()
                        .map(SourceFile::getPath)
                        .toList());
        assertEquals(
                List.of("build/linux-gcc/bin/wordfreq", "build/mingw64/bin/wordfreq.exe"),
                project.getTargets().get(1).getOutputs().stream()
                        .map(o -> o.getPath())
                        .toList());
        assertEquals("text", project.getTargets().get(1).getDependsOn().get(0).getName());
        assertEquals(
                List.of(
                        "build/linux-gcc/lib/libwf.so.1.2.3",
                        "build/linux-gcc/lib/libwf.so.1",
                        "build/linux-gcc/lib/libwf.so",
                        "build/mingw64/bin/libwf.dll"),
                project.getTargets().get(2).getOutputs().stream()
                        .map(o -> o.getPath())
                        .toList(),
                "a versioned library and its links on Linux; the version means nothing to a DLL");
        assertEquals(TargetKind.CUSTOM, project.getTargets().get(3).getKind(), "a command is a custom target");
        assertEquals(
                List.of("build/linux-gcc/gen/wordfreq/generated.h", "build/linux-gcc/gen/x.h"),
                project.getTargets().get(3).getOutputs().stream()
                        .filter(o -> o.getPlatform().getName().equals("linux-gcc"))
                        .map(o -> o.getPath())
                        .toList());
    }

    /**
     * Saved to the project file and loaded by a fresh store, the model still gives back the description: the
     * settings live in the model itself, not beside it. The description file's text is identical too.
     */
    @Test
    void theDescriptionSurvivesSavingAndLoadingTheProjectFile() throws IOException {
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/a.c"), "");
        Project project = ProjectStore.create(root, "ignored");
        SourceFile file = TrestleFactory.eINSTANCE.createSourceFile();
        file.setPath("lib/a.c");
        project.getMembers().add(file);
        DescriptionModel.apply(sample(), project);
        ProjectStore.save(project);
        String xml = Files.readString(ProjectStore.fileOf(root));
        assertTrue(xml.contains("<defines>VERSION=&quot;1.0&quot;</defines>"), xml);
        assertTrue(xml.contains("<commandWords>{src}/tools/gen.sh</commandWords>"), xml);

        Project loaded = ProjectStore.load(root);
        assertEquals(sample(), DescriptionModel.describe(loaded));
        assertEquals(
                DescriptionFormat.format(sample()),
                DescriptionFormat.format(DescriptionModel.describe(loaded)),
                "the description file written from the loaded model is the same text");
        assertEquals(Map.of(), ProjectStore.unknownContent(loaded), "nothing was left unknown");
    }

    @Test
    void globsSpanDirectoriesOnlyWithDoubleStar() {
        assertTrue(Globs.compile("**/*.c").matcher("main.c").matches());
        assertTrue(Globs.compile("**/*.c").matcher("a/b/main.c").matches());
        assertTrue(!Globs.compile("src/*.c").matcher("src/x/main.c").matches());
        assertTrue(Globs.compile("src/?.c").matcher("src/a.c").matches());
    }
}
