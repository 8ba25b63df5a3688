package dev.trestle.core.jobs;

import org.osgi.annotation.versioning.ConsumerType;

/** A unit of long work. It reports progress and stops soon after it sees {@link Progress#isCancelled()}. */
@ConsumerType
@FunctionalInterface
public interface Job<T> {
    T run(Progress progress) throws Exception;
}
