package dev.trestle.core.jobs;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every change of every job. Register one as an OSGi service to be called on the job's thread; keep it
 * quick (a UI hands the status to its own thread).
 */
@ConsumerType
@FunctionalInterface
public interface JobListener {
    void changed(JobStatus status);
}
