package dev.trestle.trace.ui.internal;

import dev.trestle.trace.TraceFormat;
import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Trace view: strace events in a virtual table with the strace -c summary, process tree, files and slowest calls. */
@Component(service = ViewContribution.class)
public final class TraceView implements ViewContribution {
    private final TraceLogs logs;
    private TracePanel last;

    @Activate
    public TraceView(@Reference TraceLogs logs) {
        this.logs = logs;
    }

    static final String ID = "dev.trestle.trace.events";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Trace";
    }

    @Override
    public Control createControl(Composite parent, WorkbenchContext context) {
        TracePanel panel = new TracePanel(parent, context);
        Runnable unregister = logs.register(TraceFormat.STRACE, panel::open);
        panel.control().addDisposeListener(e -> unregister.run());
        last = panel;
        return panel.control();
    }

    /** The panel created last, for tests that drive it. */
    TracePanel panel() {
        return last;
    }
}
