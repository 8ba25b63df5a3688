package dev.trestle.editor.history;

import java.time.Instant;

/**
 * A stretch of history that starts from one content of the file, named by its SHA-256. A new epoch begins when the
 * file is opened with content the history has not seen (it was changed outside the editor); the earlier epochs stay
 * readable, and their edits replay on their base content, which the local history keeps by the same digest.
 */
public record Epoch(int number, String baseSha256, Instant started, long rootState) {}
