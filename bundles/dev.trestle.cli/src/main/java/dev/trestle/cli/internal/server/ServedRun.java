package dev.trestle.cli.internal.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One command run for a client. The first answer on the control connection is one line: {@code run ID} (the
 * client then opens the output connections, naming ID), {@code stale: ...} (the product was rebuilt since
 * the server started) or {@code cold: ...} (this command must run in a process of its own; the reason
 * follows). After the command, {@code exit N}.
 */
final class ServedRun {
    /**
     * Never served: the shell is interactive, and a server does not start another. A backup draws its progress
     * straight on the terminal behind the process's own standard error, which a served command does not have, and
     * it runs for so long that a JVM's start does not matter.
     */
    private static final Set<String> NOT_SERVED = Set.of("shell", "server", "backup");

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final WarmServer server;
    private final Socket control;
    private final Fields fields;
    private final CompletableFuture<Socket> out = new CompletableFuture<>();
    private final CompletableFuture<Socket> err = new CompletableFuture<>();

    ServedRun(WarmServer server, Socket control, Fields fields) {
        this.server = server;
        this.control = control;
        this.fields = fields;
    }

    boolean attach(String role, Socket connection) {
        return ("out".equals(role) ? out : err).complete(connection);
    }

    /**
     * Sends the client to run the command in a process of its own, silently, so that its output stays what it would
     * be; the server counts it for {@code server status}.
     */
    private boolean decline(String reason) throws IOException {
        server.declined(reason);
        WarmServer.answer(control, "cold: " + reason);
        return false;
    }

    /** Whether the command ran here. */
    boolean serve() throws IOException {
        String jar = fields.next();
        String directory = fields.next();
        List<String> arguments = fields.list();
        List<String> environment = fields.list();
        if (!Path.of(jar).equals(server.identity().jar())) {
            return decline("the server runs the product " + server.identity().jar());
        }
        if (!server.identity().current()) {
            WarmServer.answer(control, "stale: the product was rebuilt after the server started");
            return false;
        }
        if (arguments.isEmpty() || NOT_SERVED.contains(arguments.get(0))) {
            return decline("not a command the server runs");
        }
        Optional<String> difference = server.environment().firstDifference(environment);
        if (difference.isPresent()) {
            return decline("the server has another environment (" + difference.get() + ")");
        }
        Optional<List<String>> resolved = ClientArguments.resolve(server.workingDirectory(), directory, arguments);
        if (resolved.isEmpty()) {
            return decline("a relative argument names nothing in " + directory);
        }
        String id = server.newId();
        server.pending().put(id, this);
        Socket output;
        Socket errors;
        try {
            WarmServer.answer(control, "run " + id);
            output = out.get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            errors = err.get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            out.thenAccept(WarmServer::closeQuietly);
            err.thenAccept(WarmServer::closeQuietly);
            return false;
        } finally {
            server.pending().remove(id);
        }
        run(resolved.get(), output, errors);
        return true;
    }

    private void run(List<String> arguments, Socket output, Socket errors) throws IOException {
        control.setSoTimeout(0);
        AtomicBoolean finished = new AtomicBoolean();
        Thread worker = Thread.currentThread();
        // The client closes the control connection only when it ends: before the command does, it was interrupted.
        Thread watcher = Thread.ofPlatform()
                .daemon()
                .name("trestle-server-cancel")
                .start(() -> {
                    try {
                        while (control.getInputStream().read() >= 0) {
                            // the client sends nothing more; any byte is ignored
                        }
                    } catch (IOException e) {
                        // closed: the same as an end
                    }
                    if (finished.compareAndSet(false, true)) {
                        worker.interrupt();
                        WarmServer.closeQuietly(output);
                        WarmServer.closeQuietly(errors);
                    }
                });
        int status;
        try (PrintStream stdout = new PrintStream(
                        new BufferedOutputStream(output.getOutputStream(), 1 << 16), false, StandardCharsets.UTF_8);
                PrintStream stderr = new PrintStream(errors.getOutputStream(), true, StandardCharsets.UTF_8)) {
            try {
                status = server.commands().run(arguments, stdout, stderr);
            } catch (InterruptedException e) {
                status = 1;
            } catch (RuntimeException e) {
                stderr.println("trestle: " + e);
                status = 1;
            }
            stdout.flush();
        } finally {
            WarmServer.closeQuietly(output);
            WarmServer.closeQuietly(errors);
        }
        if (finished.compareAndSet(false, true)) {
            WarmServer.answer(control, "exit " + status);
        }
        Thread.interrupted(); // a cancel that came too late must not reach the next use of this thread
        watcher.interrupt();
    }
}
