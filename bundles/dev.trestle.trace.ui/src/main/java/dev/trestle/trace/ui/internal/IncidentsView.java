package dev.trestle.trace.ui.internal;

import dev.trestle.trace.TraceFormat;
import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The Kernel Incidents view: WARNING/BUG/Oops reports of a kernel log with graded frames and decoded bytes. */
@Component(service = ViewContribution.class)
public final class IncidentsView implements ViewContribution {
    private final TraceLogs logs;
    private IncidentsPanel last;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FrameSources sources;

    @Activate
    public IncidentsView(@Reference TraceLogs logs) {
        this.logs = logs;
    }

    static final String ID = "dev.trestle.trace.incidents";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Kernel Incidents";
    }

    @Override
    public Control createControl(Composite parent, WorkbenchContext context) {
        IncidentsPanel panel = new IncidentsPanel(parent, context);
        panel.frames().onOpen(frame -> {
            FrameSources linked = sources;
            if (linked == null) {
                context.showError("The editor's symbol index is not installed, so frames do not lead to sources", null);
            } else {
                linked.open(frame, context);
            }
        });
        Runnable unregister = logs.register(TraceFormat.KERNEL_LOG, panel::open);
        panel.control().addDisposeListener(e -> unregister.run());
        last = panel;
        return panel.control();
    }

    /** The panel created last, for tests that drive it. */
    IncidentsPanel panel() {
        return last;
    }
}
