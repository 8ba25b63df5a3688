package dev.trestle.cli.internal.server;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A command resolves a relative path against the working directory of its process, which in the server is the
 * directory the server was started in. A client elsewhere gets the same meaning when each relative argument
 * that names something in the client's directory is made absolute: commands make their paths absolute
 * anyway, so they print the same. A relative argument that names nothing there may be a path the command is
 * to create, or no path at all; which, only the command knows, so such a command runs without the server.
 */
final class ClientArguments {
    /** Area and command name: never paths. */
    private static final int LEADING_WORDS = 2;

    private ClientArguments() {}

    static Optional<List<String>> resolve(Path serverDirectory, String clientDirectory, List<String> arguments) {
        Path client;
        try {
            client = Path.of(clientDirectory);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!client.isAbsolute()) {
            return Optional.empty();
        }
        if (client.normalize().equals(serverDirectory)) {
            return Optional.of(arguments);
        }
        List<String> resolved = new ArrayList<>(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (i < LEADING_WORDS || argument.startsWith("/") || argument.startsWith("-")) {
                resolved.add(argument);
                continue;
            }
            Path named;
            try {
                named = client.resolve(argument);
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
            if (!Files.exists(named, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            resolved.add(named.toString());
        }
        return Optional.of(resolved);
    }
}
