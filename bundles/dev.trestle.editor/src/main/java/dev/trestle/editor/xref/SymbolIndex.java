package dev.trestle.editor.xref;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The symbols of the C-family source files under one directory. Queries answer from the last {@link #refresh()},
 * so they are cheap and never block on the file system; a refresh re-reads only files whose size or modification
 * time changed. Safe for use from several threads.
 */
@ProviderType
public interface SymbolIndex {
    Path root();

    /** Brings the index up to date with the files on disk, reading new and changed files in parallel. */
    Refresh refresh() throws IOException;

    /** Definitions of {@code symbol}, by file and position. */
    List<Occurrence> definitions(String symbol);

    /** Uses of {@code symbol} other than its definitions, by file and position. */
    List<Occurrence> references(String symbol);

    /** The definitions in {@code file}, in order of position; empty for a file the index does not hold. */
    List<Occurrence> symbols(Path file);

    /** The indexed files, sorted. */
    List<Path> files();
}
