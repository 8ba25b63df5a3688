package dev.trestle.trace.ui.internal;

import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.nio.file.Path;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Trace > Open Trace Log…: asks for a file and lets its content decide which view shows it. */
@Component(service = ActionContribution.class)
public final class OpenTraceAction implements ActionContribution {
    private final TraceLogs logs;

    @Activate
    public OpenTraceAction(@Reference TraceLogs logs) {
        this.logs = logs;
    }

    @Override
    public String id() {
        return "dev.trestle.trace.open";
    }

    @Override
    public String menuPath() {
        return "Trace";
    }

    @Override
    public String label() {
        return "Open Trace Log…";
    }

    @Override
    public void run(WorkbenchContext context) {
        FileDialog dialog = new FileDialog(context.shell(), SWT.OPEN);
        dialog.setText("Open Trace Log");
        // strace, dmesg and ftrace output have no conventional extension: offer every file
        dialog.setFilterNames(new String[] {"All files", "Logs (*.log, *.txt)"});
        dialog.setFilterExtensions(new String[] {"*", "*.log;*.txt"});
        String chosen = dialog.open();
        if (chosen != null) {
            logs.open(Path.of(chosen), context)
                    .ifPresent(message -> MessageDialog.openInformation(context.shell(), "Open Trace Log", message));
        }
    }
}
