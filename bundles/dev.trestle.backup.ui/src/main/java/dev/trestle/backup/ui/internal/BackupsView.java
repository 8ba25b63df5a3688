package dev.trestle.backup.ui.internal;

import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Backups view: destinations, their archives with what is known of each, and how good the backups are. */
@Component(service = ViewContribution.class)
public final class BackupsView implements ViewContribution {
    private final BackupsModel model;
    private BackupsPanel panel;

    @Activate
    public BackupsView(@Reference BackupsModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        return "dev.trestle.backup.view";
    }

    @Override
    public String title() {
        return "Backups";
    }

    @Override
    public Control createControl(Composite parent, WorkbenchContext context) {
        panel = new BackupsPanel(parent, model, context);
        return panel;
    }

    /** The widgets shown, for tests; null before the view was first shown. */
    BackupsPanel panel() {
        return panel;
    }
}
