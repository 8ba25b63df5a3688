package dev.trestle.make.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.Proposer;
import dev.trestle.make.fixtures.DescriptionsForTests;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.fixtures.Projects;
import dev.trestle.make.fixtures.Trees;
import dev.trestle.make.internal.deps.ScannerImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compile_commands.json against the commands make actually ran (the recorded {@code .cmd} files). */
class CompileCommandsTest {
    private static final String UNIT = "\u001f";

    @TempDir
    Path temp;

    @BeforeAll
    static void needsToolchainAndPython() throws IOException {
        Gcc.assumeAvailable();
        assumeTrue(
                Gcc.run(Path.of("."), List.of("python3", "-c", "import json")).exit() == 0, "no python3");
    }

    @Test
    void oneEntryPerUnitWithExactlyTheArgumentsMakeRan() throws IOException {
        Path root = temp.resolve("demo");
        Trees.copy(Projects.demo().root(), root);
        // a flag with a blank, quotes and a '#': quoting must survive both the makefile and JSON
        BuildDescription description =
                DescriptionsForTests.withFlags(Proposer.propose(root), "main", List.of("-DGREETING=\"hi #1\"", "-O1"));
        Path makefile = new GeneratorImpl(new ScannerImpl()).generate(root, description, "linux-gcc");
        Path buildDir = makefile.getParent();
        Gcc.Result build = Gcc.run(root, List.of("make", "-j2", "-f", makefile.toString()));
        assertEquals(0, build.exit(), build.output());

        Map<String, List<String>> database = database(buildDir.resolve("compile_commands.json"));
        Map<String, List<String>> ran = new TreeMap<>();
        try (var files = Files.walk(buildDir)) {
            for (Path cmd : files.filter(p -> p.toString().endsWith(".o.cmd")).toList()) {
                String object = cmd.toString().substring(0, cmd.toString().length() - ".cmd".length());
                ran.put(object, shellWords(cmd));
            }
        }
        assertEquals(5, ran.size(), "the demo has five translation units: " + ran.keySet());
        assertEquals(ran, database, "compile_commands.json holds, per object, the argument vector make ran");
        List<String> main = database.get(buildDir.resolve("obj/main/src/main.o").toString());
        assertTrue(main.contains("-DGREETING=\"hi #1\""), main.toString());
    }

    /** Validates with Python's json module and returns output -> [directory, file] + arguments, checked. */
    private static Map<String, List<String>> database(Path json) throws IOException {
        String script = "import json,sys\n"
                + "for e in json.load(open(sys.argv[1])):\n"
                + "    assert set(e) == {'directory','file','output','arguments'}, e\n"
                + "    print(e['output'], e['directory'], e['file'], *e['arguments'], sep='\\x1f')\n";
        Gcc.Result parsed = Gcc.run(json.getParent(), List.of("python3", "-c", script, json.toString()));
        assertEquals(0, parsed.exit(), "valid JSON with the four fields: " + parsed.output());
        Map<String, List<String>> entries = new TreeMap<>();
        for (String line : parsed.output().split("\n")) {
            List<String> fields = Arrays.asList(line.split(UNIT, -1));
            assertEquals(json.getParent().toString(), fields.get(1), "directory");
            assertTrue(Files.isRegularFile(Path.of(fields.get(2))), "file exists: " + fields.get(2));
            List<String> arguments = fields.subList(3, fields.size());
            assertTrue(arguments.contains(fields.get(2)), "the file is compiled: " + arguments);
            assertEquals(null, entries.put(fields.get(0), arguments), "one entry per output: " + fields.get(0));
        }
        return entries;
    }

    /** The words /bin/sh makes of a recorded command line. */
    private static List<String> shellWords(Path cmd) throws IOException {
        Gcc.Result words = Gcc.run(
                cmd.getParent(),
                List.of("sh", "-c", "eval \"set -- $(cat \"$1\")\"; printf '%s\\037' \"$@\"", "sh", cmd.toString()));
        assertEquals(0, words.exit(), words.output());
        String out = words.output();
        return Arrays.asList(out.substring(0, out.length() - 1).split(UNIT, -1));
    }
}
