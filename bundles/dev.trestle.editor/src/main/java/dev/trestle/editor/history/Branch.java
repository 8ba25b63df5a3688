package dev.trestle.editor.history;

import java.time.Instant;

/** The tip of one line of edits: {@code tipState} was reached by {@code depth} edits from its epoch's base. */
public record Branch(long tipState, Instant time, int depth) {}
