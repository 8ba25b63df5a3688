package dev.trestle.cli.internal.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The product a server runs: the launcher names the product jar and the modification time (in seconds, as
 * {@code stat -c %Y} gives it) of the copy it unpacked. A rebuilt jar has another time or size, and the server then
 * refuses commands rather than answer them with old code.
 */
final class ServerIdentity {
    static final String JAR_PROPERTY = "trestle.product.jar";
    static final String STAMP_PROPERTY = "trestle.product.stamp";

    private final Path jar;
    /** The jar's full time and size when the server started, if its time then was the launcher's. */
    private final Optional<Version> started;

    private record Version(FileTime modified, long size) {}

    ServerIdentity(Path jar, long stamp) {
        this.jar = jar;
        this.started = version(jar).filter(v -> v.modified.to(TimeUnit.SECONDS) == stamp);
    }

    static ServerIdentity fromSystemProperties() {
        String jar = System.getProperty(JAR_PROPERTY);
        String stamp = System.getProperty(STAMP_PROPERTY);
        if (jar == null || stamp == null) {
            throw new IllegalStateException("the launcher names no product (" + JAR_PROPERTY + ", " + STAMP_PROPERTY
                    + "): start the server with ./trestle server start");
        }
        return new ServerIdentity(Path.of(jar), Long.parseLong(stamp));
    }

    Path jar() {
        return jar;
    }

    /** Whether the jar is still the one this server was started from. */
    boolean current() {
        return started.isPresent() && started.equals(version(jar));
    }

    private static Optional<Version> version(Path jar) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return Optional.of(new Version(attributes.lastModifiedTime(), attributes.size()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
