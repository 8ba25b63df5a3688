package dev.trestle.cli.internal.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The product a server runs: the launcher names the product jar and the modification time (in seconds, as
 * {@code stat -c %Y} gives it) of the copy it unpacked. A rebuilt jar has another time, and the server then
 * refuses commands rather than answer them with old code.
 */
record ServerIdentity(Path jar, long stamp) {
    static final String JAR_PROPERTY = "trestle.product.jar";
    static final String STAMP_PROPERTY = "trestle.product.stamp";

    static ServerIdentity fromSystemProperties() {
        String jar = System.getProperty(JAR_PROPERTY);
        String stamp = System.getProperty(STAMP_PROPERTY);
        if (jar == null || stamp == null) {
            throw new IllegalStateException("the launcher names no product (" + JAR_PROPERTY + ", " + STAMP_PROPERTY
                    + "): start the server with ./trestle server start");
        }
        return new ServerIdentity(Path.of(jar), Long.parseLong(stamp));
    }

    /** Whether the jar is still the one this server was started from. */
    boolean current() {
        try {
            return Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS) == stamp;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
