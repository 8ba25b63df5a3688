package dev.trestle.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void aFileArgumentSaysWhatItNamesInstead() throws IOException {
        Path file = Files.writeString(dir.resolve("trace.log"), "x");
        assertEquals(file, CommandArguments.file(file.toString()));

        assertEquals("a directory, not a file: " + dir, failure(() -> CommandArguments.file(dir.toString())));
        assertEquals(
                "no such file: " + dir.resolve("gone.log"),
                failure(() -> CommandArguments.file(dir.resolve("gone.log").toString())));
        assertEquals("not a regular file: /dev/null", failure(() -> CommandArguments.file("/dev/null")));
    }

    @Test
    void aDirectoryArgumentMustBeOne() throws IOException {
        Path file = Files.writeString(dir.resolve("main.c"), "int main;");
        assertEquals(dir, CommandArguments.directory(dir.toString()));
        assertEquals("not a directory: " + file, failure(() -> CommandArguments.directory(file.toString())));
        assertEquals("not a path: a\0b", failure(() -> CommandArguments.path("a\0b")));
    }

    private static String failure(Runnable call) {
        CommandFailure failure = assertThrows(CommandFailure.class, call::run);
        assertEquals(ExitStatus.USAGE, failure.status());
        return failure.getMessage();
    }
}
