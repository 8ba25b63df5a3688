package dev.trestle.cli.internal;

import dev.trestle.core.command.CommandFailure;
import dev.trestle.core.command.ExitStatus;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * Runs one command in a Gogo session and turns its outcome into an exit status. Arguments reach the command
 * as session variables, never re-parsed as Gogo script, so a path with spaces, quotes or {@code $} arrives
 * exactly as typed.
 */
final class CommandRunner {
    private final CommandProcessor processor;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    CommandRunner(CommandProcessor processor, InputStream in, PrintStream out, PrintStream err) {
        this.processor = processor;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(CommandInfo command, List<String> arguments) {
        StringBuilder line = new StringBuilder(command.area()).append(':').append(command.name());
        try (CommandSession session = processor.createSession(in, out, err)) {
            for (int i = 0; i < arguments.size(); i++) {
                session.put("trestle_arg" + i, arguments.get(i));
                line.append(" $trestle_arg").append(i);
            }
            Object result = session.execute(line);
            if (result != null) {
                CharSequence text = result instanceof CharSequence s ? s : session.format(result, Converter.INSPECT);
                out.println(text);
            }
            return ExitStatus.OK;
        } catch (Exception e) {
            return failed(command, e);
        }
    }

    private int failed(CommandInfo command, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandFailure failure) {
                err.println("trestle: " + failure.getMessage());
                return failure.status();
            }
        }
        Throwable cause = e;
        while ((cause instanceof java.lang.reflect.InvocationTargetException
                        || cause instanceof java.lang.reflect.UndeclaredThrowableException)
                && cause.getCause() != null) {
            cause = cause.getCause(); // Gogo calls commands reflectively; the command's own failure is inside
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (cause instanceof IllegalArgumentException && message.startsWith("Cannot coerce")) {
            // Gogo's words for a wrong number or kind of arguments
            err.println("trestle: wrong arguments; usage: trestle " + command.usage());
            return ExitStatus.USAGE;
        }
        if (cause instanceof IllegalArgumentException) {
            err.println("trestle: " + command.area() + " " + command.name() + ": " + message);
            return ExitStatus.USAGE;
        }
        err.println("trestle: " + command.area() + " " + command.name() + " failed: " + message);
        return ExitStatus.FINDING;
    }
}
