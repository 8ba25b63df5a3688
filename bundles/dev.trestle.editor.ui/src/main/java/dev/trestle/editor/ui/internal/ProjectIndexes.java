package dev.trestle.editor.ui.internal;

import dev.trestle.editor.xref.SymbolIndex;
import dev.trestle.editor.xref.SymbolIndexService;
import dev.trestle.workbench.WorkbenchContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One symbol index per project root, shared by go to definition and the Symbols view: built on first use and brought
 * up to date (only changed files are read again) before every query, in a background job.
 */
final class ProjectIndexes {
    private final Map<Path, SymbolIndex> indexes = new ConcurrentHashMap<>();
    private volatile SymbolIndexService service;

    void setService(SymbolIndexService service) {
        indexes.clear();
        this.service = service;
    }

    void unsetService(SymbolIndexService gone) {
        if (service == gone) {
            service = null;
            indexes.clear();
        }
    }

    boolean running() {
        return service != null;
    }

    /** The open project's root, else {@code fallback}'s directory. */
    static Path rootOf(WorkbenchContext context, Path fallback) {
        return context.project()
                .map(p -> p.getRoot())
                .filter(r -> r != null && !r.isBlank())
                .map(r -> Path.of(r).toAbsolutePath().normalize())
                .orElse(fallback == null ? null : fallback.getParent());
    }

    /** {@code file} relative to the open project's root, for a list of places; absolute outside the project. */
    static String relativeToProject(WorkbenchContext context, Path file) {
        Path projectRoot = rootOf(context, null);
        return projectRoot != null && file.startsWith(projectRoot)
                ? projectRoot.relativize(file).toString()
                : file.toString();
    }

    /**
     * Answers {@code query} from the index of {@code root}, refreshed first, in a job named {@code job}; the future
     * fails when the index service is not running.
     */
    <T> CompletableFuture<T> query(WorkbenchContext context, Path root, String job, Function<SymbolIndex, T> query) {
        SymbolIndexService symbols = service;
        if (symbols == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the symbol index is not running"));
        }
        return context.jobs()
                .schedule(job, progress -> {
                    progress.begin("Indexing " + root, -1);
                    SymbolIndex index = indexes.computeIfAbsent(root, symbols::open);
                    synchronized (index) {
                        index.refresh();
                        return query.apply(index);
                    }
                })
                .result();
    }

    Optional<SymbolIndexService> service() {
        return Optional.ofNullable(service);
    }
}
