package dev.trestle.workbench.internal;

import dev.trestle.core.jobs.Job;
import dev.trestle.core.jobs.JobHandle;
import dev.trestle.core.jobs.JobListener;
import dev.trestle.core.jobs.JobService;
import dev.trestle.core.jobs.JobState;
import dev.trestle.core.jobs.JobStatus;
import dev.trestle.core.jobs.Progress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A job service for tests without the framework: one thread per job, listeners told of every change. Stands in
 * for the core bundle's implementation, which this module cannot see (it is private to the core bundle).
 */
final class ThreadJobService implements JobService {
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, RunningJob<?>> active = new ConcurrentHashMap<>();
    final List<JobListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public <T> JobHandle<T> schedule(String name, Job<T> job) {
        RunningJob<T> running = new RunningJob<>(ids.incrementAndGet(), name, job);
        active.put(running.id, running);
        running.publish();
        Thread thread = new Thread(running::run, "job-" + running.id);
        thread.setDaemon(true);
        thread.start();
        return running;
    }

    @Override
    public List<JobStatus> active() {
        return active.values().stream().map(RunningJob::status).toList();
    }

    @Override
    public boolean cancel(long id) {
        RunningJob<?> job = active.get(id);
        if (job == null) {
            return false;
        }
        job.cancel();
        return true;
    }

    private final class RunningJob<T> implements JobHandle<T>, Progress {
        final long id;
        final String name;
        final Job<T> job;
        final CompletableFuture<T> result = new CompletableFuture<>();
        volatile JobState state = JobState.WAITING;
        volatile String task;
        volatile String step = "";
        volatile long done;
        volatile long total = -1;
        volatile String failure;
        volatile boolean cancelled;

        RunningJob(long id, String name, Job<T> job) {
            this.id = id;
            this.name = name;
            this.job = job;
            this.task = name;
        }

        void run() {
            state = JobState.RUNNING;
            publish();
            try {
                T value = job.run(this);
                checkCancelled();
                finish(JobState.SUCCEEDED, null);
                result.complete(value);
            } catch (CancellationException e) {
                finish(JobState.CANCELLED, null);
                result.completeExceptionally(e);
            } catch (Exception | LinkageError e) {
                finish(JobState.FAILED, String.valueOf(e));
                result.completeExceptionally(e);
            }
        }

        private void finish(JobState end, String why) {
            failure = why;
            state = end;
            active.remove(id);
            publish();
        }

        void publish() {
            JobStatus status = status();
            listeners.forEach(listener -> listener.changed(status));
        }

        @Override
        public JobStatus status() {
            return new JobStatus(id, name, state, task, step, done, total, failure);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public CompletableFuture<T> result() {
            return result;
        }

        @Override
        public void begin(String newTask, long totalWork) {
            task = newTask;
            total = totalWork;
            publish();
        }

        @Override
        public void worked(long units) {
            done += units;
            publish();
        }

        @Override
        public void step(String description) {
            step = description;
            publish();
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
