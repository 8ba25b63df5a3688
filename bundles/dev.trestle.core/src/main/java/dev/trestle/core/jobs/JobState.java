package dev.trestle.core.jobs;

/** Where a job is in its life. */
public enum JobState {
    WAITING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
