package dev.trestle.trace.kernel;

/** How far a call-trace frame can be trusted, best first. */
public enum Reliability {
    /** On the chain of frames the unwinder followed. */
    RELIABLE,
    /** Reached only after the trace switched stacks ({@code <IRQ>}, {@code <EOI>}, {@code <NMI>} ...). */
    AFTER_STACK_SWITCH,
    /** Marked {@code ?}: a text address found on the stack, perhaps a stale return address. */
    GUESSED,
    /** No symbol: the address is in no known kernel or module text. */
    UNSYMBOLISED
}
