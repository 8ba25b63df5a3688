package dev.trestle.backup.internal.archive;

/** A progress that also counts files (archived, verified or restored), for a display that shows them beside the bytes. */
public interface FileProgress {
    void fileDone();
}
