package dev.trestle.trace;

/**
 * A line a parser did not understand: program output spliced into the log, garbage, or a line cut off.
 *
 * @param excerpt the start of the line, shortened so that one huge garbage line costs no memory
 */
public record ParseProblem(long lineNumber, String reason, String excerpt) {
    /** How much of a bad line a problem keeps. */
    public static final int EXCERPT_LENGTH = 80;

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason + ": " + excerpt;
    }
}
