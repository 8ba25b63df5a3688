package dev.trestle.editor.history;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Unsaved editor content found after a crash: {@code content} holds it, written at {@code written} while editing a
 * file whose content on disk was {@code baseSha256}.
 */
public record Recovery(Path file, Instant written, String baseSha256, Path content) {}
