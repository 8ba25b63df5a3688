package dev.trestle.itests.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.itests.products.TrestleProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./trestle as a command-line tool: statuses, messages and the project file it writes. */
class HeadlessProductTest {
    @TempDir
    Path home;

    private TrestleProcess trestle;

    @BeforeEach
    void setUp() {
        trestle = new TrestleProcess(home);
    }

    @Test
    void helpListsTheAreasAndTheirCommands() throws Exception {
        Result help = trestle.run("--help");

        assertEquals(0, help.status(), help.toString());
        assertTrue(help.out().contains("usage: trestle"), help.toString());
        assertTrue(help.out().contains("project   init, show"), help.toString());
        assertTrue(help.out().contains("system    check"), help.toString());
        assertTrue(help.out().contains("trestle server start|status|stop"), help.toString());

        Result areaHelp = trestle.run("project", "--help");
        assertEquals(0, areaHelp.status(), areaHelp.toString());
        assertTrue(areaHelp.out().contains("project init <project-directory>"), areaHelp.toString());
    }

    @Test
    void withoutADisplayTheWorkbenchSaysSoInOneLine() throws Exception {
        Result none = trestle.with("DISPLAY", "").with("WAYLAND_DISPLAY", "").run();

        assertEquals(1, none.status(), none.toString());
        assertEquals(
                "trestle: no display to open the workbench window on (neither DISPLAY nor WAYLAND_DISPLAY is set): run"
                        + " it in a desktop session, or under xvfb-run; the headless commands need none (./trestle"
                        + " help)\n",
                none.err());

        // a display that is named but not there: GTK may warn first, but no stack trace follows
        Result absent =
                trestle.with("DISPLAY", ":987").with("WAYLAND_DISPLAY", "").run("workbench");
        assertEquals(1, absent.status(), absent.toString());
        assertTrue(
                absent.err().contains("trestle: cannot open the workbench window on the display DISPLAY=:987 ("),
                absent.toString());
        assertFalse(absent.err().contains("\tat "), absent.toString());
    }

    @Test
    void unknownCommandExitsTwoWithOneClearLine() throws Exception {
        Result unknownArea = trestle.run("frobnicate");
        assertEquals(2, unknownArea.status(), unknownArea.toString());
        assertTrue(
                unknownArea
                        .err()
                        .matches(
                                "trestle: unknown command 'frobnicate'; areas: (\\w+, )*project, (\\w+, )*system(, \\w+)* \\(see trestle --help\\)\n"),
                unknownArea.toString());
        assertEquals("", unknownArea.out());

        Result unknownCommand = trestle.run("project", "explode");
        assertEquals(2, unknownCommand.status(), unknownCommand.toString());
        assertTrue(
                unknownCommand.err().startsWith("trestle: unknown command 'project explode'; project has: init, show"),
                unknownCommand.toString());
    }

    @Test
    void wrongArgumentsExitTwoWithTheUsage() throws Exception {
        Result missing = trestle.run("project", "init");

        assertEquals(2, missing.status(), missing.toString());
        assertEquals("trestle: wrong arguments; usage: trestle project init <project-directory>\n", missing.err());
    }

    @Test
    void versionNamesTheRelease() throws Exception {
        Result version = trestle.run("--version");

        assertEquals(0, version.status(), version.toString());
        assertTrue(version.out().matches("trestle \\d+\\.\\d+\\.\\d+.*\\n"), version.toString());
    }

    @Test
    void projectInitWritesTheProjectFileAndShowReadsItBack() throws Exception {
        Path demo = trestle.demoCopy("demo with space");

        Result init = trestle.run("project", "init", demo.toString());
        assertEquals(0, init.status(), init.toString());
        assertTrue(Files.isRegularFile(demo.resolve("project.trestle")), init.toString());

        Result show = trestle.run("project", "show", demo.toString());
        assertEquals(0, show.status(), show.toString());
        assertTrue(show.out().contains("10 files"), show.toString());
        assertTrue(show.out().contains("5 c, 4 header"), show.toString());
    }

    @Test
    void damagedProjectFileIsBadInputNamingFileAndLine() throws Exception {
        Path project = Files.createDirectories(home.resolve("damaged"));
        Files.writeString(project.resolve("project.trestle"), "<?xml version=\"1.0\"?>\n<trestle:Project\n");

        Result show = trestle.run("project", "show", project.toString());

        assertEquals(2, show.status(), show.toString());
        assertTrue(show.err().startsWith("trestle: " + project.resolve("project.trestle") + ":"), show.toString());
        assertEquals(1, show.err().lines().count(), "one line: " + show.err());
    }

    @Test
    void notADirectoryIsNamed() throws Exception {
        Result init = trestle.run("project", "init", home.resolve("nowhere").toString());

        assertEquals(2, init.status(), init.toString());
        assertEquals("trestle: not a directory: " + home.resolve("nowhere") + "\n", init.err());
    }

    @Test
    void headlessProductIsHealthy() throws Exception {
        Result check = trestle.run("system", "check");

        assertEquals(0, check.status(), check.toString());
        assertTrue(check.out().contains("all active and satisfied"), check.toString());
    }

    @Test
    void shellRunsGogoCommandsFromStandardInput() throws Exception {
        Path demo = trestle.demoCopy("demo");

        Result shell = trestle.runWithInput(java.util.List.of(), "project:init '" + demo + "'\n", "shell");

        assertEquals(0, shell.status(), shell.toString());
        assertTrue(shell.out().contains("Welcome to Apache Felix Gogo"), shell.toString());
        assertTrue(Files.isRegularFile(demo.resolve("project.trestle")), shell.toString());
    }
}
