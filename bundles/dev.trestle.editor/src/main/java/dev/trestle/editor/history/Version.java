package dev.trestle.editor.history;

import java.nio.file.Path;
import java.time.Instant;

/** One kept content of {@code file}: what it held before a save or restore at {@code time}. */
public record Version(Path file, Instant time, String sha256, long size) {}
