package dev.trestle.workbench.internal;

import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/** A contributed view as another bundle would write it: a label naming the open project. */
final class GreetingView implements ViewContribution {
    volatile Label label;
    /** How many times the workbench asked for the widgets. */
    volatile int created;

    @Override
    public String id() {
        return "test.greeting";
    }

    @Override
    public String title() {
        return "Greeting";
    }

    @Override
    public Control createControl(Composite parent, WorkbenchContext context) {
        created++;
        label = new Label(parent, SWT.NONE);
        label.setText("Hello from " + context.project().map(p -> p.getName()).orElse("no project"));
        return label;
    }
}
