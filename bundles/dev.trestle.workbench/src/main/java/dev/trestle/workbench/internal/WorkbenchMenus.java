package dev.trestle.workbench.internal;

import dev.trestle.workbench.ViewContribution;
import java.nio.file.Path;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.SWT;

/**
 * The workbench's own menus and toolbar buttons. Contributed actions are inserted before {@link #CONTRIBUTED_END}
 * by {@link ContributedActions}; the Open Recent and View menus are refilled each time they open.
 */
final class WorkbenchMenus {
    static final String CONTRIBUTED_END = "contributed.end";
    static final String HELP = "help";

    private final WorkbenchWindow window;

    WorkbenchMenus(WorkbenchWindow window) {
        this.window = window;
    }

    MenuManager menuBar() {
        MenuManager bar = new MenuManager();
        bar.add(fileMenu());
        bar.add(viewMenu());
        bar.add(new GroupMarker(CONTRIBUTED_END));
        MenuManager help = new MenuManager("&Help", HELP);
        help.add(new RunnableAction("&About Trestle", 0, window::openAbout));
        bar.add(help);
        return bar;
    }

    ToolBarManager toolBar(int style) {
        ToolBarManager tools = new WindowToolBarManager(style);
        tools.add(new RunnableAction("Open Project", 0, window::chooseProject));
        tools.add(new RunnableAction("Save", 0, window::saveActiveEditor));
        tools.add(new Separator());
        tools.add(new GroupMarker(CONTRIBUTED_END));
        return tools;
    }

    private MenuManager fileMenu() {
        MenuManager file = new MenuManager("&File", "file");
        file.add(new RunnableAction("&Open Project…", SWT.MOD1 | 'O', window::chooseProject));
        MenuManager recent = new MenuManager("Open &Recent", "recent");
        recent.setRemoveAllWhenShown(true);
        recent.addMenuListener(this::fillRecent);
        file.add(recent);
        file.add(new Separator());
        file.add(new RunnableAction("&Save", SWT.MOD1 | 'S', window::saveActiveEditor));
        file.add(new RunnableAction("Save &Project", SWT.MOD1 | SWT.SHIFT | 'S', window::saveProject));
        file.add(new Separator());
        file.add(new RunnableAction("P&references…", 0, window::openPreferences));
        file.add(new Separator());
        file.add(new RunnableAction("E&xit", SWT.MOD1 | 'Q', window::exit));
        return file;
    }

    private MenuManager viewMenu() {
        MenuManager view = new MenuManager("&View", "view");
        view.setRemoveAllWhenShown(true);
        view.addMenuListener(this::fillViews);
        // a menu with no items shows no arrow or drop-down on GTK until it has been filled once
        view.add(new RunnableAction("Problems", 0, window::showProblems));
        return view;
    }

    private void fillRecent(IMenuManager menu) {
        var recent = window.preferences().recentProjects();
        if (recent.isEmpty()) {
            RunnableAction none = new RunnableAction("(no recent projects)", 0, () -> {});
            none.setEnabled(false);
            menu.add(none);
        }
        int number = 1;
        for (Path directory : recent) {
            // '&' marks a mnemonic in menu text; a path may contain one
            String label = (number < 10 ? "&" + number + " " : "")
                    + directory.toString().replace("&", "&&");
            menu.add(new RunnableAction(label, 0, () -> window.openProject(directory)));
            number++;
        }
    }

    private void fillViews(IMenuManager menu) {
        menu.add(new RunnableAction("Problems", 0, window::showProblems));
        for (ViewContribution view : window.services().contributions().views()) {
            menu.add(new RunnableAction(window.safeTitle(view), 0, () -> window.showView(view)));
        }
    }
}
