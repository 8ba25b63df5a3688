package dev.trestle.core.internal.jobs;

import dev.trestle.core.jobs.Job;
import dev.trestle.core.jobs.JobHandle;
import dev.trestle.core.jobs.JobListener;
import dev.trestle.core.jobs.JobService;
import dev.trestle.core.jobs.JobStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Runs jobs on a small pool of daemon threads: as many as there are cores, since most jobs read files and
 * compute digests, and more threads only make them compete.
 */
@Component(service = JobService.class)
public final class JobServiceImpl implements JobService {
    private static final System.Logger LOG = System.getLogger(JobServiceImpl.class.getName());
    private final ExecutorService workers;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, RunningJob<?>> active = new ConcurrentHashMap<>();
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();

    public JobServiceImpl() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicLong threadNumber = new AtomicLong();
        workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "trestle-job-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(JobListener listener) {
        listeners.add(listener);
    }

    public void removeListener(JobListener listener) {
        listeners.remove(listener);
    }

    @Override
    public <T> JobHandle<T> schedule(String name, Job<T> job) {
        if (name == null || name.isBlank() || job == null) {
            throw new IllegalArgumentException("a job needs a name and work to do, got name=" + name);
        }
        long id = nextId.getAndIncrement();
        RunningJob<T> running = new RunningJob<>(id, name, job, this::publish);
        active.put(id, running);
        workers.execute(running);
        return running;
    }

    private void publish(JobStatus status) {
        if (status.state().isFinal()) {
            active.remove(status.id());
        }
        for (JobListener listener : listeners) {
            try {
                listener.changed(status);
            } catch (RuntimeException e) {
                // One broken listener must not stop the job or the other listeners.
                LOG.log(System.Logger.Level.WARNING, "job listener " + listener + " failed", e);
            }
        }
    }

    @Override
    public List<JobStatus> active() {
        return active.values().stream()
                .map(RunningJob::status)
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .toList();
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

    @Deactivate
    public void shutdown() throws InterruptedException {
        active.values().forEach(RunningJob::cancel);
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
