package dev.trestle.itests.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.itests.products.TrestleProcess.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./trestle server start}: commands give the same output, error output and exit status through the
 * resident server as in a process of their own; a rebuilt product, a wrong token and a stopped server are
 * noticed. The launcher and product jar are copies, so that the test can "rebuild" its product by touching it.
 */
class ResidentServerTest {
    private static final Pattern SERVED = Pattern.compile("(\\d+) commands served");

    @TempDir
    Path home;

    private Path jar;
    private TrestleProcess trestle;

    @BeforeEach
    void copyTheProduct() throws IOException {
        Path checkout = home.resolve("checkout");
        jar = checkout.resolve("product/target/headless.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(TrestleProcess.REPOSITORY.resolve("product/target/headless.jar"), jar);
        Path launcher = checkout.resolve("trestle");
        Files.copy(TrestleProcess.REPOSITORY.resolve("trestle"), launcher);
        Files.setPosixFilePermissions(
                launcher,
                Set.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE));
        trestle = new TrestleProcess(home, launcher, home, Map.of());
    }

    @AfterEach
    void neverLeaveAServerRunning() throws Exception {
        Optional<Long> pid = serverPid();
        trestle.run("server", "stop");
        if (pid.isPresent()) {
            ProcessHandle.of(pid.get()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void commandsGiveTheSameOutputStatusAndErrorsThroughTheServer() throws Exception {
        Path odd = home.resolve("a 'quoted' \"log\" $HOME `x`\nsecond line.log");
        Files.copy(
                TrestleProcess.REPOSITORY.resolve(
                        "bundles/dev.trestle.trace/src/test/resources/strace/workload-f-tt-T-stderr.log"),
                odd);
        Path sub = Files.createDirectories(home.resolve("sub dir"));
        Files.copy(odd, sub.resolve("relative.log"));
        List<List<String>> commands = List.of(
                List.of("--version"),
                List.of("trace", "summary", odd.toString()),
                List.of("trace", "summary", odd.getFileName().toString(), "--json"),
                List.of("trace", "decode", "e8:0f:62:03:00", "--address", "ffffffffa04cdd44"),
                List.of("trace", "summary", "no such $file\n.log"),
                List.of("trace", "frobnicate"),
                List.of("trace", "summary"));
        List<Result> cold = new ArrayList<>();
        for (List<String> command : commands) {
            cold.add(trestle.run(command.toArray(String[]::new)));
        }
        Result coldRelative = trestle.in(sub).run("trace", "summary", "relative.log");
        assertEquals(2, cold.get(4).status(), cold.get(4).toString()); // the error case really is one
        assertEquals(0, cold.get(1).status(), cold.get(1).toString());

        Result start = trestle.run("server", "start");
        assertEquals(0, start.status(), start.toString());
        assertTrue(start.out().startsWith("trestle: server started (pid "), start.toString());
        Path address = home.resolve("state/trestle/server/address");
        assertEquals(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(address));

        for (int i = 0; i < commands.size(); i++) {
            Result served = trestle.run(commands.get(i).toArray(String[]::new));
            assertEquals(cold.get(i), served, "through the server: " + commands.get(i));
        }
        // from another directory, a relative path names the file in that directory
        assertEquals(coldRelative, trestle.in(sub).run("trace", "summary", "relative.log"));
        assertEquals(commands.size() + 1, served(), "every command above ran in the server");

        // another environment: the command runs in its own process, and still gives the same
        assertEquals(
                cold.get(1), trestle.with("CC", "clang").run(commands.get(1).toArray(String[]::new)));
        assertEquals(commands.size() + 1, served());
        // silently, so that the output is the same: the status says so, and why
        Result counted = trestle.run("server", "status");
        assertTrue(
                counted.out()
                        .contains(
                                "1 run in a process of their own (the latest because the server has another environment (CC))"),
                counted.toString());

        long pid = serverPid().orElseThrow();
        Result stop = trestle.run("server", "stop");
        assertEquals(0, stop.status(), stop.toString());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the server process ended");
        assertFalse(Files.exists(address));
        Result status = trestle.run("server", "status");
        assertEquals(1, status.status());
        assertEquals("trestle: no server is running\n", status.out());
        assertEquals(cold.get(0), trestle.run("--version"));
    }

    @Test
    void aRebuiltProductAWrongTokenAndADeadServerAreNoticed() throws Exception {
        Result version = trestle.run("--version");
        assertEquals(0, trestle.run("server", "start").status());
        Path address = home.resolve("state/trestle/server/address");

        String original = Files.readString(address);
        String[] fields = original.split(" ", 4);
        Files.writeString(
                address, fields[0] + " " + "0".repeat(fields[1].length()) + " " + fields[2] + " " + fields[3]);
        Result refused = trestle.run("--version");
        assertEquals(version.out(), refused.out());
        assertEquals(0, refused.status());
        assertEquals("trestle: the server refused: wrong token; running without it\n", refused.err());
        Files.writeString(address, original);
        assertEquals(0, served());

        FileTime built = Files.getLastModifiedTime(jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(built.toMillis() + 10_000));
        Result stale = trestle.run("--version");
        assertEquals(version.out(), stale.out());
        assertTrue(
                stale.err().startsWith("trestle: the server runs the products as they were before the last build"),
                stale.toString());
        assertEquals(0, served());
        Files.setLastModifiedTime(jar, built);
        assertEquals(version, trestle.run("--version"));
        assertEquals(1, served());

        ProcessHandle server = ProcessHandle.of(serverPid().orElseThrow()).orElseThrow();
        server.destroyForcibly();
        server.onExit().get(20, TimeUnit.SECONDS);
        Result afterKill = trestle.run("--version");
        assertEquals(version.out(), afterKill.out());
        assertEquals(0, afterKill.status());
        assertTrue(
                afterKill.err().matches("trestle: the server \\(pid \\d+\\) is gone; running without it\n"),
                afterKill.toString());
        assertEquals(version, trestle.run("--version"), "the notice is given once");
    }

    private int served() throws Exception {
        Result status = trestle.run("server", "status");
        assertEquals(0, status.status(), status.toString());
        Matcher matcher = SERVED.matcher(status.out());
        assertTrue(matcher.find(), status.toString());
        return Integer.parseInt(matcher.group(1));
    }

    private Optional<Long> serverPid() throws IOException {
        Path address = home.resolve("state/trestle/server/address");
        if (!Files.exists(address)) {
            return Optional.empty();
        }
        String[] fields = Files.readString(address, StandardCharsets.UTF_8).split(" ", 4);
        return Optional.of(Long.parseLong(fields[2]));
    }
}
