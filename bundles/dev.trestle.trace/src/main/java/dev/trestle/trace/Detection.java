package dev.trestle.trace;

/**
 * What {@link TraceFormats#detect} concluded.
 *
 * @param confidence from 0 to 1: the share of the examined lines that fit the format, raised by headers that only
 *     that tool writes
 * @param reason in words, for a user who disagrees: the evidence, or why nothing fit
 */
public record Detection(TraceFormat format, double confidence, String reason) {
    public Detection {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence outside [0, 1]: " + confidence);
        }
    }
}
