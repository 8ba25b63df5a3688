package dev.trestle.backup.internal;

import dev.trestle.backup.internal.archive.FileProgress;
import dev.trestle.core.jobs.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a job reports (its total, the bytes and files done, its steps), and cancels once {@code cancelAfter}
 * bytes or the named step are reached.
 */
final class RecordingProgress implements Progress, FileProgress {
    final List<String> steps = new ArrayList<>();
    final long cancelAfter;
    final String cancelAtStep;
    long total = -2;
    long worked;
    int files;
    boolean cancelled;

    RecordingProgress(long cancelAfter, String cancelAtStep) {
        this.cancelAfter = cancelAfter;
        this.cancelAtStep = cancelAtStep;
    }

    @Override
    public void begin(String task, long totalWork) {
        total = totalWork;
    }

    @Override
    public void worked(long units) {
        worked += units;
        cancelled |= worked >= cancelAfter;
    }

    @Override
    public void step(String description) {
        steps.add(description);
        cancelled |= cancelAtStep != null && description.startsWith(cancelAtStep);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void fileDone() {
        files++;
    }
}
