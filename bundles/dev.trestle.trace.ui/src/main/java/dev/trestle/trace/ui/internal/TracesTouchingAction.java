package dev.trestle.trace.ui.internal;

import dev.trestle.trace.TracesTouching;
import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Trace &gt; Newest Trace That Touched This File: from the file in the editor to the newest log of a traced build
 * that opened, read or executed it, shown in the Trace view.
 */
@Component(service = {ActionContribution.class, TracesTouchingAction.class})
public final class TracesTouchingAction implements ActionContribution {
    private final TraceLogs logs;
    private List<Path> lastFound = List.of();

    @Activate
    public TracesTouchingAction(@Reference TraceLogs logs) {
        this.logs = logs;
    }

    @Override
    public String id() {
        return "dev.trestle.trace.touching";
    }

    @Override
    public String menuPath() {
        return "Trace";
    }

    @Override
    public String label() {
        return "Newest Trace That Touched This File";
    }

    @Override
    public void run(WorkbenchContext context) throws IOException {
        Optional<Path> root =
                context.project().map(p -> p.getRoot()).filter(r -> r != null).map(Path::of);
        Optional<Path> file = context.activeFile();
        if (root.isEmpty() || file.isEmpty()) {
            context.showError("Open a file of the project in the editor first", null);
            return;
        }
        Path directory = root.get().resolve(TracesTouching.DIRECTORY);
        lastFound = TracesTouching.find(directory, file.get());
        if (lastFound.isEmpty()) {
            context.showError(
                    "No trace in " + directory + " touched " + file.get().getFileName()
                            + " (Build > Build Under Trace records one)",
                    null);
            return;
        }
        logs.open(lastFound.get(0), context).ifPresent(message -> context.showError(message, null));
    }

    /** The logs the last run found, newest first. */
    List<Path> lastFound() {
        return lastFound;
    }
}
