package dev.trestle.core.jobs;

import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/** A scheduled job. */
@ProviderType
public interface JobHandle<T> {
    JobStatus status();

    /** Asks the job to stop; it ends CANCELLED at its next check. */
    void cancel();

    /** Completes with the job's result, or exceptionally with its failure or a CancellationException. */
    CompletableFuture<T> result();
}
