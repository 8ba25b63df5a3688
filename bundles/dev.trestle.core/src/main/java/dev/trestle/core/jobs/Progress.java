package dev.trestle.core.jobs;

import java.util.concurrent.CancellationException;
import org.osgi.annotation.versioning.ProviderType;

/** What a running job reports, and how it learns that it was cancelled. */
@ProviderType
public interface Progress {
    /** Reports nowhere and is never cancelled: for work that nobody watches, such as a test's. */
    Progress SILENT = new Progress() {
        @Override
        public void begin(String task, long totalWork) {}

        @Override
        public void worked(long units) {}

        @Override
        public void step(String description) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Starts the job's main task; {@code totalWork} units will be reported through {@link #worked}, or -1 if unknown. */
    void begin(String task, long totalWork);

    void worked(long units);

    /** Names the step in progress, e.g. the file being read. */
    void step(String description);

    boolean isCancelled();

    /** Throws {@link CancellationException} once the job was cancelled: call it between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
