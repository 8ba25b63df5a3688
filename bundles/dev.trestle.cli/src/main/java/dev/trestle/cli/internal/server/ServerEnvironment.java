package dev.trestle.cli.internal.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A command run in the server sees the server's environment (a JVM cannot change its own, and the processes a
 * command starts inherit it), so the server runs a command only for a client whose environment is the same,
 * apart from variables that describe the terminal or the shell and that no command reads.
 */
final class ServerEnvironment {
    private static final Set<String> IGNORED = Set.of(
            "_",
            "PWD",
            "OLDPWD",
            "SHLVL",
            "COLUMNS",
            "LINES",
            "PS1",
            "TERM",
            "COLORTERM",
            "TERM_PROGRAM",
            "TERM_PROGRAM_VERSION",
            "LS_COLORS",
            "WINDOWID",
            "SSH_CLIENT",
            "SSH_CONNECTION",
            "SSH_TTY",
            "TMUX",
            "TMUX_PANE",
            "STY",
            "TRESTLE_NO_BUILD",
            // hyperfine varies it on every run, to shift the stack
            "HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET");

    private final Map<String, String> own;

    ServerEnvironment(Map<String, String> own) {
        this.own = relevant(own);
    }

    /** The first variable (by name) that differs, when one does. */
    Optional<String> firstDifference(List<String> clientEntries) {
        Map<String, String> client = new HashMap<>();
        for (String entry : clientEntries) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                client.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        client = relevant(client);
        TreeSet<String> names = new TreeSet<>(own.keySet());
        names.addAll(client.keySet());
        for (String name : names) {
            if (!java.util.Objects.equals(own.get(name), client.get(name))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> relevant(Map<String, String> environment) {
        Map<String, String> kept = new HashMap<>(environment);
        kept.keySet().removeAll(IGNORED);
        kept.keySet().removeIf(name -> name.startsWith("BASH_FUNC_")); // exported functions: bash lists no values
        return kept;
    }
}
