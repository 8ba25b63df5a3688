package dev.trestle.make.internal.deps;

/**
 * One preprocessing directive: the line it starts on, its keyword ({@code include}, {@code if} …; empty for a
 * null directive) and the rest of its logical line with comments replaced by a space and continuations joined.
 */
record Directive(int line, String keyword, String rest) {}
