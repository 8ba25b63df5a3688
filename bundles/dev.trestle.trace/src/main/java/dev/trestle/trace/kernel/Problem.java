package dev.trestle.trace.kernel;

/** A line inside an incident the parser could not place, kept so that nothing is dropped silently. */
public record Problem(int line, String text, String reason) {
    @Override
    public String toString() {
        return "line " + line + ": " + reason + ": " + text;
    }
}
