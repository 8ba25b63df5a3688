package dev.trestle.make.ui.internal;

import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Build &gt; Clean: the same as the Build view's button, which shows the outcome. */
@Component(service = ActionContribution.class)
public final class CleanAction implements ActionContribution {
    private final MakeBuild build;

    @Activate
    public CleanAction(@Reference MakeBuild build) {
        this.build = build;
    }

    @Override
    public String id() {
        return "dev.trestle.make.clean";
    }

    @Override
    public String menuPath() {
        return "Build";
    }

    @Override
    public String label() {
        return "Clean";
    }

    @Override
    public void run(WorkbenchContext context) {
        build.shownPanel(context)
                .ifPresentOrElse(
                        BuildPanel::clean,
                        () -> context.showError("This window has no Build view to show the output in", null));
    }
}
