package dev.trestle.cli.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerEnvironmentTest {
    private final ServerEnvironment server =
            new ServerEnvironment(Map.of("PATH", "/usr/bin", "LANG", "C.UTF-8", "PWD", "/srv", "SHLVL", "2"));

    @Test
    void theSameVariablesMatchWhateverTheShellAndTerminalSay() {
        assertEquals(
                Optional.empty(),
                server.firstDifference(List.of("LANG=C.UTF-8", "PATH=/usr/bin", "PWD=/home/u", "TERM=xterm")));
    }

    @Test
    void aChangedAddedOrMissingVariableIsNamed() {
        assertEquals(Optional.of("PATH"), server.firstDifference(List.of("LANG=C.UTF-8", "PATH=/bin")));
        assertEquals(Optional.of("CC"), server.firstDifference(List.of("CC=clang", "LANG=C.UTF-8", "PATH=/usr/bin")));
        assertEquals(Optional.of("LANG"), server.firstDifference(List.of("PATH=/usr/bin")));
    }

    @Test
    void aValueMayHoldEqualsSignsAndNewlines() {
        ServerEnvironment odd = new ServerEnvironment(Map.of("X", "a=b\nc"));

        assertEquals(Optional.empty(), odd.firstDifference(List.of("X=a=b\nc")));
        assertEquals(Optional.of("X"), odd.firstDifference(List.of("X=a=b")));
    }
}
