package dev.trestle.workbench.internal;

import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.widgets.ToolBar;

/**
 * The main window's toolbar. JFace's ToolBarManager packs the toolbar's parent when the toolbar changes size; in
 * an ApplicationWindow that parent is the shell, so adding a contributed action would shrink the whole window to
 * its preferred size. This one only lays the shell out again.
 */
final class WindowToolBarManager extends ToolBarManager {
    WindowToolBarManager(int style) {
        super(style);
    }

    @Override
    protected void relayout(ToolBar toolBar, int oldCount, int newCount) {
        if (oldCount != newCount) {
            toolBar.getParent().layout(true, true);
        }
    }
}
