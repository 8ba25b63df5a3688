package dev.trestle.trace.ui.internal;

import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * Brings a view's tab to the front when it is handed a log. The contribution API has no "show view", so the view
 * looks for the tab folder that holds it; outside one (a test shell) nothing happens.
 */
final class Tabs {
    private Tabs() {}

    static void reveal(Control control) {
        Control child = control;
        for (Composite parent = control.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof CTabFolder folder) {
                for (CTabItem item : folder.getItems()) {
                    if (item.getControl() == child) {
                        folder.setSelection(item);
                        return;
                    }
                }
            }
            child = parent;
        }
    }
}
