package dev.trestle.editor.ui.internal;

/**
 * Timings of the large-file view's steps, logged when the system property {@code trestle.editor.probe} is true: how
 * {@code benchmarks/editor.sh} shows where opening a huge file, or going to its end, spends its time.
 */
final class Probe {
    static final String PROPERTY = "trestle.editor.probe";
    private static final System.Logger LOG = System.getLogger(Probe.class.getName());
    private final boolean on = Boolean.getBoolean(PROPERTY);
    private long last = System.nanoTime();

    /** Logs the time since the previous mark (or since this probe was made) under {@code step}. */
    void mark(String step) {
        if (on) {
            long now = System.nanoTime();
            double millis = (now - last) / 1e6;
            last = now;
            LOG.log(System.Logger.Level.INFO, () -> String.format("TRESTLE_EDITOR_PROBE %s_ms=%.1f", step, millis));
        }
    }
}
