package dev.trestle.make.ui.internal;

import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Build view: targets, generated makefile, include closure of a source and the build console. */
@Component(service = ViewContribution.class)
public final class BuildView implements ViewContribution {
    private final MakeBuild build;

    @Activate
    public BuildView(@Reference MakeBuild build) {
        this.build = build;
    }

    static final String ID = "dev.trestle.make.build";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Build";
    }

    @Override
    public Control createControl(Composite parent, WorkbenchContext context) {
        BuildPanel panel = new BuildPanel(parent, context, build);
        build.opened(panel);
        panel.control().addDisposeListener(e -> build.closed(panel));
        return panel.control();
    }
}
