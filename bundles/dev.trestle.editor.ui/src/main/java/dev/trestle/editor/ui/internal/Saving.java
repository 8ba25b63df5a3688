package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.Conflict;
import dev.trestle.editor.history.FileStamp;
import dev.trestle.editor.history.LocalHistory;
import dev.trestle.editor.history.Recovery;
import dev.trestle.editor.history.SaveConflictException;
import dev.trestle.editor.merge.TextMerge;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes the editor's text through the local history: atomically, keeping the previous content, refusing to
 * overwrite a file someone else changed. Also keeps the crash-recovery copy of unsaved text.
 */
final class Saving {
    /** What a save did: wrote the file, or found it changed and the user chose to reload or cancel. */
    sealed interface Outcome {
        record Saved(FileStamp stamp) implements Outcome {}

        record Reload() implements Outcome {}

        /** The disk's changes merged into the editor's text, not saved yet; {@code conflicts} between markers. */
        record Merged(String text, int conflicts) implements Outcome {}

        record Cancelled() implements Outcome {}
    }

    private final Path file;
    private final Charset charset;
    private final LocalHistory history;
    private final Prompts prompts;
    private FileStamp loaded;
    /** The text as last loaded or saved: the base of a merge with the disk's changes. */
    private String base;

    Saving(Path file, Charset charset, FileContent loaded, LocalHistory history, Prompts prompts) {
        this.file = file;
        this.charset = charset;
        this.loaded = loaded.stamp();
        this.base = loaded.text();
        this.history = history;
        this.prompts = prompts;
    }

    Outcome save(String text) throws IOException {
        byte[] bytes = text.getBytes(charset);
        try {
            loaded = history.save(file, loaded, out -> out.write(bytes));
            base = text;
            return new Outcome.Saved(loaded);
        } catch (SaveConflictException e) {
            Conflict conflict = e.conflict();
            return switch (prompts.onConflict(conflict)) {
                case MERGE -> merge(text, conflict);
                case OVERWRITE -> {
                    loaded = history.save(file, null, out -> out.write(bytes));
                    base = text;
                    yield new Outcome.Saved(loaded);
                }
                case RELOAD -> new Outcome.Reload();
                case CANCEL -> new Outcome.Cancelled();
            };
        }
    }

    /**
     * Merges the disk's changes since the load into {@code text}. The disk's version becomes the one a later save
     * compares with, so that saving the merged text is no conflict.
     */
    private Outcome merge(String text, Conflict conflict) throws IOException {
        String disk = conflict.diskText() != null ? conflict.diskText() : new String(Files.readAllBytes(file), charset);
        TextMerge.Result merged = TextMerge.merge(base, text, disk, "editor", "on disk");
        loaded = conflict.onDisk();
        base = disk;
        return new Outcome.Merged(merged.text(), merged.conflicts());
    }

    void writeRecovery(String text) throws IOException {
        byte[] bytes = text.getBytes(charset);
        history.writeRecovery(file, loaded.sha256(), out -> out.write(bytes));
    }

    /** Unsaved text from a crashed session, if it is newer than the file and the user wants it back. */
    Optional<String> recoveredText() throws IOException {
        Optional<Recovery> recovery = history.recover(file);
        if (recovery.isEmpty()
                || !recovery.get()
                        .written()
                        .isAfter(Files.getLastModifiedTime(file).toInstant())) {
            return Optional.empty();
        }
        if (!prompts.restoreRecovery(recovery.get())) {
            history.discardRecovery(file);
            return Optional.empty();
        }
        return Optional.of(new String(Files.readAllBytes(recovery.get().content()), charset));
    }

    void discardRecovery() throws IOException {
        history.discardRecovery(file);
    }

    /** The file was re-read after a conflict: later saves compare against what is on disk now. */
    void reloaded(FileContent disk) {
        loaded = disk.stamp();
        base = disk.text();
    }

    Prompts prompts() {
        return prompts;
    }

    FileStamp loaded() {
        return loaded;
    }
}
