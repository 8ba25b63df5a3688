package dev.trestle.workbench.internal;

import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** A view whose bundle has a bug: the workbench must show the failure and keep running. */
final class BrokenView implements ViewContribution {
    @Override
    public String id() {
        return "test.broken";
    }

    @Override
    public String title() {
        return "Broken";
    }

    @Override
    public Control createControl(Composite parent, WorkbenchContext context) {
        throw new IllegalStateException("the view's model is missing");
    }
}
