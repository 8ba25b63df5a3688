package dev.trestle.editor.history;

import dev.trestle.editor.text.TextDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/** One change: at byte {@code offset}, {@code removed} was replaced by {@code inserted}. */
public record Edit(long offset, String removed, String inserted, Instant time) {
    public Edit {
        if (offset < 0) {
            throw new IllegalArgumentException("edit offset < 0: " + offset);
        }
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(inserted, "inserted");
        Objects.requireNonNull(time, "time");
    }

    /** The edit that takes the document back. */
    public Edit inverse() {
        return new Edit(offset, inserted, removed, time);
    }

    public void applyTo(TextDocument document) {
        document.replace(offset, removed.getBytes(StandardCharsets.UTF_8).length, inserted);
    }
}
