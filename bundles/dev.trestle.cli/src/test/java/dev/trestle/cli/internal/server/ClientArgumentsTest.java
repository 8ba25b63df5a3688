package dev.trestle.cli.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientArgumentsTest {
    @TempDir
    Path server;

    @TempDir
    Path client;

    @Test
    void inTheServersDirectoryEveryArgumentStaysAsTyped() {
        List<String> arguments = List.of("trace", "summary", "no such file", "--json");

        assertEquals(Optional.of(arguments), ClientArguments.resolve(server, server.toString(), arguments));
    }

    @Test
    void elsewhereARelativePathThatNamesAFileThereIsMadeAbsolute() throws IOException {
        Files.writeString(client.resolve("a $b\n\"c\".log"), "x");
        Files.createDirectories(client.resolve("sub"));

        assertEquals(
                Optional.of(List.of(
                        "trace", "summary", client.resolve("a $b\n\"c\".log").toString(), "--json")),
                ClientArguments.resolve(
                        server, client.toString(), List.of("trace", "summary", "a $b\n\"c\".log", "--json")));
        assertEquals(
                Optional.of(List.of("project", "init", client.resolve("sub").toString(), "/abs")),
                ClientArguments.resolve(server, client.toString(), List.of("project", "init", "sub", "/abs")));
    }

    @Test
    void elsewhereARelativeArgumentThatNamesNothingThereRunsWithoutTheServer() {
        assertEquals(
                Optional.empty(),
                ClientArguments.resolve(server, client.toString(), List.of("trace", "summary", "missing.log")));
        assertEquals(Optional.empty(), ClientArguments.resolve(server, "relative/dir", List.of("--version")));
    }

    @Test
    void theAreaAndCommandNamesAreNeverPaths() throws IOException {
        Files.writeString(client.resolve("trace"), "x");

        assertEquals(
                Optional.of(List.of("trace", "--help")),
                ClientArguments.resolve(server, client.toString(), List.of("trace", "--help")));
    }
}
