package dev.trestle.cli.internal.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The resident, warm headless product ({@code ./trestle server start}): it listens on a random port of the
 * loopback interface and writes the port, a random token and its process id to a file only its user can read;
 * a client proves it read that file by sending the token first on every connection.
 *
 * <p>A command is served over three connections: a control connection carries the request (token, product,
 * working directory, arguments, environment) and, at the end, the exit status; the command's standard output
 * and standard error stream back over one connection each, so they stay apart as in a process. When the
 * control connection closes before the command ends (the client was interrupted), the command is cancelled.
 */
public final class WarmServer {
    static final String PROTOCOL = "trestle-server-1";
    private static final int REQUEST_TIMEOUT_MILLIS = 10_000;

    private final Path directory;
    private final ServerIdentity identity;
    private final CommandLine commands;
    private final Charset argumentCharset;
    private final byte[] token;
    private final Map<String, ServedRun> pending = new ConcurrentHashMap<>();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger declined = new AtomicInteger();
    /** Why the latest command sent to a process of its own was: a user who finds the server slow asks this. */
    private volatile String lastDeclined = "";

    private final Instant started = Instant.now();
    private final Path workingDirectory = Path.of("").toAbsolutePath().normalize();
    private final ServerEnvironment environment = new ServerEnvironment(System.getenv());
    private volatile ServerSocket socket;

    public WarmServer(Path directory, CommandLine commands) {
        this.directory = directory;
        this.identity = ServerIdentity.fromSystemProperties();
        this.commands = commands;
        // The JVM decodes its command line with this charset; arguments sent to the server are decoded the same way.
        String jnu = System.getProperty("sun.jnu.encoding");
        this.argumentCharset =
                jnu != null && Charset.isSupported(jnu) ? Charset.forName(jnu) : Charset.defaultCharset();
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII);
    }

    /** Serves until {@code ./trestle server stop}; the status the process exits with. */
    public int serve(PrintStream log) throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            socket = listening;
            Path address = writeAddress(listening.getLocalPort());
            Thread cleanup = new Thread(() -> deleteAddress(address), "trestle-server-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            log.println("trestle server: pid " + ProcessHandle.current().pid() + " listening on 127.0.0.1:"
                    + listening.getLocalPort() + ", product " + identity.jar());
            try {
                while (!listening.isClosed()) {
                    Socket connection;
                    try {
                        connection = listening.accept();
                    } catch (IOException e) {
                        if (listening.isClosed()) {
                            break; // stopped
                        }
                        throw e;
                    }
                    Thread.ofPlatform().name("trestle-server-connection").start(() -> handle(connection, log));
                }
            } finally {
                deleteAddress(address);
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook runs
                }
            }
        }
        log.println("trestle server: stopped after " + served.get() + " commands");
        return 0;
    }

    private Path writeAddress(int port) throws IOException {
        Files.createDirectories(directory);
        Path address = directory.resolve("address");
        Path temporary = directory.resolve("address." + ProcessHandle.current().pid());
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        // one line the launcher reads with bash's read: port, token, pid, then the product jar (which may hold spaces)
        Files.writeString(
                temporary,
                port + " " + new String(token, StandardCharsets.US_ASCII) + " "
                        + ProcessHandle.current().pid() + " " + identity.jar() + "\n");
        Files.move(temporary, address, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return address;
    }

    /** Only a file that still names this server: a server started after it may have replaced it. */
    private void deleteAddress(Path address) {
        try {
            String text = Files.readString(address);
            if (text.contains(" " + new String(token, StandardCharsets.US_ASCII) + " ")) {
                Files.deleteIfExists(address);
            }
        } catch (IOException e) {
            // gone already
        }
    }

    private void stop() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that was asked
        }
    }

    private void handle(Socket connection, PrintStream log) {
        boolean keep = false;
        try {
            connection.setSoTimeout(REQUEST_TIMEOUT_MILLIS);
            Fields fields = new Fields(new BufferedInputStream(connection.getInputStream()), argumentCharset);
            if (!PROTOCOL.equals(fields.next())) {
                answer(connection, "refused: not a Trestle client of this version");
                return;
            }
            if (!MessageDigest.isEqual(token, fields.next().getBytes(StandardCharsets.US_ASCII))) {
                answer(connection, "refused: wrong token");
                log.println("trestle server: refused a connection with a wrong token");
                return;
            }
            String role = fields.next();
            switch (role) {
                case "run" -> {
                    if (new ServedRun(this, connection, fields).serve()) {
                        served.incrementAndGet();
                    }
                }
                case "out", "err" -> {
                    ServedRun run = pending.get(fields.next());
                    if (run != null) {
                        keep = run.attach(role, connection);
                    }
                }
                case "status" ->
                    answer(
                            connection,
                            "running: pid " + ProcessHandle.current().pid() + ", port " + socket.getLocalPort()
                                    + ", since " + started + ", " + served.get() + " commands served, "
                                    + declinedSummary() + "product " + identity.jar()
                                    + (identity.current() ? "" : " (rebuilt since: stale)"));
                case "stop" -> {
                    answer(connection, "stopping");
                    stop();
                }
                default -> answer(connection, "refused: unknown request " + role);
            }
        } catch (IOException e) {
            log.println("trestle server: " + e.getMessage());
        } finally {
            if (!keep) {
                closeQuietly(connection);
            }
        }
    }

    static void answer(Socket connection, String line) throws IOException {
        connection.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        connection.getOutputStream().flush();
    }

    static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // nothing more to do with it
        }
    }

    ServerIdentity identity() {
        return identity;
    }

    CommandLine commands() {
        return commands;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    ServerEnvironment environment() {
        return environment;
    }

    Map<String, ServedRun> pending() {
        return pending;
    }

    String newId() {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** A command sent back to run in a process of its own, and why. */
    void declined(String reason) {
        declined.incrementAndGet();
        lastDeclined = reason;
    }

    private String declinedSummary() {
        int count = declined.get();
        return count == 0 ? "" : count + " run in a process of their own (the latest because " + lastDeclined + "), ";
    }
}
