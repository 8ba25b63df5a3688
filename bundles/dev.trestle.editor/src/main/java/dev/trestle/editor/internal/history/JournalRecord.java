package dev.trestle.editor.internal.history;

import dev.trestle.editor.history.Edit;
import java.time.Instant;

/** What the journal holds. States are numbered from 1 in the order their records appear, so ids are not stored. */
sealed interface JournalRecord {
    /** Creates the root state of a new epoch: the file had content {@code sha256}. */
    record EpochStarted(Instant time, String sha256) implements JournalRecord {}

    /** Creates a state, child of {@code parent}. */
    record EditMade(long parent, Edit edit) implements JournalRecord {}

    /** The file had content {@code sha256} at {@code state}: written on open and on save. */
    record Marked(long state, Instant time, String sha256) implements JournalRecord {}
}
