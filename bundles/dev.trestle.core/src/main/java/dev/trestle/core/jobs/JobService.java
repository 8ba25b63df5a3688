package dev.trestle.core.jobs;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Runs jobs in the background, a few at a time, and tells {@link JobListener}s how they go. */
@ProviderType
public interface JobService {
    <T> JobHandle<T> schedule(String name, Job<T> job);

    /** The jobs not yet finished. */
    List<JobStatus> active();

    /** Cancels a job by its {@link JobStatus#id()}; false if no such job is running. */
    boolean cancel(long id);
}
