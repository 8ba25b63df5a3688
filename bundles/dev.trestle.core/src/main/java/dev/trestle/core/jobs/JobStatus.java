package dev.trestle.core.jobs;

/**
 * A snapshot of one job, as listeners see it.
 *
 * @param id unique within the running framework
 * @param name what the job does, for people
 * @param state where the job is
 * @param task the task given to {@link Progress#begin}, or the name
 * @param step the current step, or empty
 * @param done units worked so far
 * @param total units in all, or -1 when unknown
 * @param failure the message of what went wrong, when {@code state} is FAILED
 */
public record JobStatus(
        long id, String name, JobState state, String task, String step, long done, long total, String failure) {
    /** Fraction done in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
