package dev.trestle.trace.ui.internal;

import dev.trestle.editor.xref.Occurrence;
import dev.trestle.editor.xref.SymbolIndex;
import dev.trestle.editor.xref.SymbolIndexService;
import dev.trestle.trace.kernel.Frame;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * From a kernel incident's frame to the definition of its function in the open project (a kernel tree, a module's
 * sources), through the editor's symbol index. Without the editor bundle the frames simply do not link.
 */
@Component(service = FrameSources.class)
public final class FrameSources {
    private final Map<Path, SymbolIndex> indexes = new ConcurrentHashMap<>();
    private volatile SymbolIndexService symbols;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unsetSymbols")
    public void setSymbols(SymbolIndexService service) {
        symbols = service;
    }

    public void unsetSymbols(SymbolIndexService service) {
        if (symbols == service) {
            symbols = null;
            indexes.clear();
        }
    }

    /** Opens the definition of the frame's function in the editor, or says why it cannot. Display thread. */
    void open(Frame frame, WorkbenchContext context) {
        SymbolIndexService service = symbols;
        var project =
                context.project().map(p -> p.getRoot()).filter(r -> r != null).map(Path::of);
        if (service == null || project.isEmpty() || frame.symbol().isEmpty()) {
            context.showError(
                    service == null
                            ? "The editor's symbol index is not installed, so frames do not lead to sources"
                            : project.isEmpty()
                                    ? "Open the project with the sources of " + frame.function() + " first"
                                    : "This frame has no symbol, only an address",
                    null);
            return;
        }
        Path root = project.get();
        String function = frame.function();
        context.jobs()
                .schedule("Find the definition of " + function, progress -> definitions(service, root, function))
                .result()
                .whenComplete((found, failure) -> context.asyncExec(() -> {
                    if (failure != null) {
                        context.showError("Cannot index " + root, failure);
                    } else if (found.isEmpty()) {
                        context.showError("No definition of " + function + " in " + root, null);
                    } else {
                        context.openFile(found.get(0).file(), found.get(0).line());
                    }
                }));
    }

    private List<Occurrence> definitions(SymbolIndexService service, Path root, String function) throws IOException {
        SymbolIndex index = indexes.computeIfAbsent(root, service::open);
        index.refresh();
        return index.definitions(function);
    }
}
