package dev.trestle.editor.ui.internal;

import dev.trestle.editor.xref.Occurrence;
import dev.trestle.workbench.WorkbenchContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jface.window.ApplicationWindow;

/**
 * Go to definition: looks the identifier at the caret up in the symbol index of the project ({@link ProjectIndexes})
 * and shows the
 * definition in its editor. Of several definitions the first is shown (one in the same file first), the others
 * are named in the status line; none is reported there too.
 */
final class Definitions {
    private final Function<Path, Optional<SourceEditor>> editors;
    private final ProjectIndexes indexes;
    private volatile String lastMessage = "";

    Definitions(Function<Path, Optional<SourceEditor>> editors, ProjectIndexes indexes) {
        this.editors = editors;
        this.indexes = indexes;
    }

    /** Looks up the identifier at the caret of {@code editor}; call on the display thread. */
    void goToDefinition(SourceEditor editor, WorkbenchContext context) {
        Optional<String> symbol = editor.identifierAtCaret();
        if (symbol.isEmpty()) {
            status(context, "No identifier at the caret");
            return;
        }
        if (!indexes.running()) {
            status(context, "Cannot look up '" + symbol.get() + "': the symbol index is not running");
            return;
        }
        Path root = ProjectIndexes.rootOf(context, editor.file());
        String name = symbol.get();
        status(context, "Looking up '" + name + "'...");
        indexes.query(context, root, "Find the definition of " + name, index -> index.definitions(name))
                .whenComplete((found, failure) -> context.asyncExec(() -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        context.showError("Cannot look up the definition of '" + name + "'", cause);
                    } else {
                        show(editor.file(), name, found, context);
                    }
                }));
    }

    private void show(Path from, String name, List<Occurrence> found, WorkbenchContext context) {
        if (found.isEmpty()) {
            status(context, "No definition of '" + name + "' in the project");
            return;
        }
        List<Occurrence> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparing((Occurrence o) -> !sameFile(o.file(), from)));
        Occurrence target = ordered.get(0);
        Path file = target.file().toAbsolutePath().normalize();
        if (!sameFile(file, from)) {
            context.openFile(file);
        }
        editors.apply(file).ifPresent(e -> e.reveal(target.line(), target.column(), name));
        if (ordered.size() == 1) {
            status(context, name + ": " + where(target));
        } else {
            status(
                    context,
                    name + ": " + where(target) + "; also "
                            + ordered.subList(1, ordered.size()).stream()
                                    .map(Definitions::where)
                                    .collect(Collectors.joining(", ")));
        }
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static String where(Occurrence o) {
        return o.kind().label() + " " + o.file().getFileName() + ":" + o.line();
    }

    /** The last message this put in the status line, for tests. */
    String lastMessage() {
        return lastMessage;
    }

    private void status(WorkbenchContext context, String message) {
        lastMessage = message;
        if (context.shell() != null && context.shell().getData() instanceof ApplicationWindow window) {
            window.setStatus(message);
        }
    }
}
