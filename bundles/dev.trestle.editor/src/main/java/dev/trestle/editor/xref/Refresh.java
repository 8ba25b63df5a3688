package dev.trestle.editor.xref;

import java.util.List;

/**
 * What a {@link SymbolIndex#refresh()} did: {@code files} source files seen, of which {@code indexed} were new or
 * changed, {@code removed} gone since the last refresh; {@code failures} names each file that could not be read (its
 * previous entries are dropped) and why.
 */
public record Refresh(int files, int indexed, int removed, List<String> failures) {
    public Refresh {
        failures = List.copyOf(failures);
    }
}
