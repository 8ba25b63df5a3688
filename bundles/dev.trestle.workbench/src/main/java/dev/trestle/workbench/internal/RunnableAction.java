package dev.trestle.workbench.internal;

import org.eclipse.jface.action.Action;

/** A menu or toolbar action given as a lambda. */
final class RunnableAction extends Action {
    private final Runnable run;

    RunnableAction(String text, int accelerator, Runnable run) {
        super(text);
        this.run = run;
        if (accelerator != 0) {
            setAccelerator(accelerator);
        }
    }

    @Override
    public void run() {
        run.run();
    }
}
