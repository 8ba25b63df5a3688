package dev.trestle.workbench.internal;

import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.ContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.IContributionManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.action.ToolBarManager;

/**
 * Puts contributed actions into the menu bar (creating a top-level menu per new menu path) and the toolbar, where
 * each menu's actions stand together, set apart by a separator. On every change all contributed items are rebuilt:
 * there are few, and rebuilding keeps the order stable.
 */
final class ContributedActions {
    private final MenuManager menuBar;
    private final ToolBarManager toolBar;
    private final WorkbenchContext context;
    private final ErrorReporter errors;
    private final List<ContributionItem> added = new ArrayList<>();
    private final List<MenuManager> createdMenus = new ArrayList<>();

    ContributedActions(MenuManager menuBar, ToolBarManager toolBar, WorkbenchContext context, ErrorReporter errors) {
        this.menuBar = menuBar;
        this.toolBar = toolBar;
        this.context = context;
        this.errors = errors;
    }

    void sync(List<ActionContribution> actions) {
        for (ContributionItem item : added) {
            if (item.getParent() instanceof IContributionManager parent) {
                parent.remove(item);
            }
            item.dispose();
        }
        added.clear();
        createdMenus.forEach(menuBar::remove);
        createdMenus.forEach(MenuManager::dispose);
        createdMenus.clear();
        // grouped by menu, the menus in the order they first appear
        Map<String, List<ActionContribution>> byMenu = new LinkedHashMap<>();
        for (ActionContribution action : actions) {
            byMenu.computeIfAbsent(action.menuPath(), path -> new ArrayList<>()).add(action);
        }
        boolean first = true;
        for (List<ActionContribution> group : byMenu.values()) {
            if (!first && group.stream().anyMatch(ActionContribution::onToolBar)) {
                // the workbench's own buttons end with one before the first group
                Separator separator = new Separator();
                toolBar.insertBefore(WorkbenchMenus.CONTRIBUTED_END, separator);
                added.add(separator);
            }
            first &= group.stream().noneMatch(ActionContribution::onToolBar);
            for (ActionContribution action : group) {
                try {
                    add(action);
                } catch (RuntimeException e) {
                    errors.report("Action " + action.getClass().getName() + " cannot be shown", e);
                }
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
        added.add(menuItem);
        if (contribution.onToolBar()) {
            ActionContributionItem toolItem = new ActionContributionItem(action);
            toolBar.insertBefore(WorkbenchMenus.CONTRIBUTED_END, toolItem);
            added.add(toolItem);
        }
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
