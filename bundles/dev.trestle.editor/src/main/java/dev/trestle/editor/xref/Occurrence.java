package dev.trestle.editor.xref;

import java.nio.file.Path;

/** One occurrence of {@code symbol} in {@code file}; line and column count from 1, the column in characters. */
public record Occurrence(String symbol, SymbolKind kind, Path file, int line, int column) {}
