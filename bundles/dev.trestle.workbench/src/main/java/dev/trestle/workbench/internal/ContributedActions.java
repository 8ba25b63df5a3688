package dev.trestle.workbench.internal;

import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.IContributionManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.ToolBarManager;

/**
 * Puts contributed actions into the menu bar (creating a top-level menu per new menu path) and the toolbar. On
 * every change all contributed items are rebuilt: there are few, and rebuilding keeps the order stable.
 */
final class ContributedActions {
    private final MenuManager menuBar;
    private final ToolBarManager toolBar;
    private final WorkbenchContext context;
    private final ErrorReporter errors;
    private final List<ActionContributionItem> added = new ArrayList<>();
    private final List<MenuManager> createdMenus = new ArrayList<>();

    ContributedActions(MenuManager menuBar, ToolBarManager toolBar, WorkbenchContext context, ErrorReporter errors) {
        this.menuBar = menuBar;
        this.toolBar = toolBar;
        this.context = context;
        this.errors = errors;
    }

    void sync(List<ActionContribution> actions) {
        for (ActionContributionItem item : added) {
            if (item.getParent() instanceof IContributionManager parent) {
                parent.remove(item);
            }
            item.dispose();
        }
        added.clear();
        createdMenus.forEach(menuBar::remove);
        createdMenus.forEach(MenuManager::dispose);
        createdMenus.clear();
        for (ActionContribution action : actions) {
            try {
                add(action);
            } catch (RuntimeException e) {
                errors.report("Action " + action.getClass().getName() + " cannot be shown", e);
            }
        }
        menuBar.update(true);
        toolBar.update(true);
    }

    private void add(ActionContribution contribution) {
        RunnableAction action =
                new RunnableAction(contribution.label(), contribution.accelerator(), () -> run(contribution));
        action.setId(contribution.id());
        contribution.icon().ifPresent(action::setImageDescriptor);
        ActionContributionItem menuItem = new ActionContributionItem(action);
        menuFor(contribution.menuPath()).add(menuItem);
        ActionContributionItem toolItem = new ActionContributionItem(action);
        toolBar.insertBefore(WorkbenchMenus.CONTRIBUTED_END, toolItem);
        added.add(menuItem);
        added.add(toolItem);
    }

    private MenuManager menuFor(String path) {
        String id = "contributed." + path;
        for (IContributionItem item : menuBar.getItems()) {
            if (item instanceof MenuManager existing
                    && existing.getMenuText() != null
                    && existing.getMenuText().replace("&", "").equals(path)) {
                return existing;
            }
        }
        MenuManager menu = new MenuManager(path, id);
        menuBar.insertBefore(WorkbenchMenus.CONTRIBUTED_END, menu);
        createdMenus.add(menu);
        return menu;
    }

    private void run(ActionContribution contribution) {
        try {
            contribution.run(context);
        } catch (Exception e) {
            errors.report("'" + contribution.label() + "' failed", e);
        }
    }
}
