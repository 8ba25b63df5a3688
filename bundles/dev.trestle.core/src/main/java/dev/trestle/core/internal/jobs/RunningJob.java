package dev.trestle.core.internal.jobs;

import dev.trestle.core.jobs.Job;
import dev.trestle.core.jobs.JobHandle;
import dev.trestle.core.jobs.JobState;
import dev.trestle.core.jobs.JobStatus;
import dev.trestle.core.jobs.Progress;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One scheduled job: its progress as the job reports it, and its outcome. */
final class RunningJob<T> implements JobHandle<T>, Progress, Runnable {
    private final long id;
    private final String name;
    private final Job<T> job;
    private final Consumer<JobStatus> listener;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile boolean cancelled;
    private volatile JobStatus status;

    RunningJob(long id, String name, Job<T> job, Consumer<JobStatus> listener) {
        this.id = id;
        this.name = name;
        this.job = job;
        this.listener = listener;
        this.status = new JobStatus(id, name, JobState.WAITING, name, "", 0, -1, null);
    }

    @Override
    public void run() {
        if (cancelled) {
            finish(JobState.CANCELLED, null);
            result.completeExceptionally(new CancellationException(name + " cancelled before it started"));
            return;
        }
        update(JobState.RUNNING, status.task(), status.step(), status.done(), status.total(), null);
        try {
            T value = job.run(this);
            if (cancelled) {
                throw new CancellationException(name + " cancelled");
            }
            finish(JobState.SUCCEEDED, null);
            result.complete(value);
        } catch (CancellationException e) {
            finish(JobState.CANCELLED, null);
            result.completeExceptionally(e);
        } catch (Exception | LinkageError | AssertionError e) {
            // A job's failure is its result; it must not take the worker thread (or the UI) down with it.
            finish(JobState.FAILED, e.getMessage() != null ? e.getMessage() : e.toString());
            result.completeExceptionally(e);
        }
    }

    private void finish(JobState state, String failure) {
        update(state, status.task(), status.step(), status.done(), status.total(), failure);
    }

    private void update(JobState state, String task, String step, long done, long total, String failure) {
        JobStatus next = new JobStatus(id, name, state, task, step, done, total, failure);
        status = next;
        listener.accept(next);
    }

    @Override
    public void begin(String task, long totalWork) {
        update(JobState.RUNNING, task, "", 0, totalWork, null);
    }

    @Override
    public void worked(long units) {
        JobStatus s = status;
        update(s.state(), s.task(), s.step(), s.done() + units, s.total(), null);
    }

    @Override
    public void step(String description) {
        JobStatus s = status;
        update(s.state(), s.task(), description, s.done(), s.total(), null);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public JobStatus status() {
        return status;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public CompletableFuture<T> result() {
        return result;
    }

    long id() {
        return id;
    }
}
