package dev.trestle.backup.internal.archive;

/** A progress that also counts the files archived, for a display that shows them beside the bytes. */
public interface FileProgress {
    void fileArchived();
}
