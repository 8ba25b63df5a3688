package dev.trestle.workbench.internal;

import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;

/** The tabs below the editors: the built-in Problems view first, then one per contributed view. */
final class ViewArea {
    private final CTabFolder folder;
    private final WorkbenchContext context;
    private final WorkbenchIcons icons;
    private final ErrorReporter errors;
    private final Map<ViewContribution, CTabItem> contributed = new LinkedHashMap<>();

    ViewArea(Composite parent, WorkbenchContext context, WorkbenchIcons icons, ErrorReporter errors) {
        this.context = context;
        this.icons = icons;
        this.errors = errors;
        folder = new CTabFolder(parent, SWT.BORDER);
    }

    CTabFolder folder() {
        return folder;
    }

    void addBuiltIn(String title, Image image, Control control) {
        CTabItem tab = new CTabItem(folder, SWT.NONE);
        tab.setText(title);
        tab.setImage(image);
        tab.setControl(control);
        if (folder.getSelection() == null) {
            folder.setSelection(tab);
        }
    }

    /** Adds tabs for new contributions and removes those whose contribution went away. */
    void sync(List<ViewContribution> views) {
        for (ViewContribution gone : new ArrayList<>(contributed.keySet())) {
            if (!views.contains(gone)) {
                contributed.remove(gone).dispose();
            }
        }
        for (ViewContribution view : views) {
            contributed.computeIfAbsent(view, this::create);
        }
    }

    void show(ViewContribution view) {
        Optional.ofNullable(contributed.get(view)).ifPresent(folder::setSelection);
    }

    Optional<CTabItem> tab(String title) {
        for (CTabItem tab : folder.getItems()) {
            if (tab.getText().equals(title)) {
                return Optional.of(tab);
            }
        }
        return Optional.empty();
    }

    /**
     * Adds the view's tab; its widgets are made the first time the tab shows, whether the user or a program selects
     * it, so the window does not build views nobody looks at: the eight views took 150 ms of a 1.5 s start. A view
     * that receives work (a log to show, a build to run) is shown first, through {@link WorkbenchContext#showView}.
     */
    private CTabItem create(ViewContribution view) {
        CTabItem tab = new CTabItem(folder, SWT.NONE);
        Composite host = new Composite(folder, SWT.NONE);
        host.setLayout(new FillLayout());
        tab.setControl(host);
        tab.addDisposeListener(event -> host.dispose());
        try {
            tab.setText(view.title());
            view.icon().ifPresent(icon -> tab.setImage(icons.image(icon)));
        } catch (RuntimeException e) {
            broken(view, tab, host, e);
            return tab;
        }
        Listener firstShow = new Listener() {
            @Override
            public void handleEvent(Event event) {
                host.removeListener(SWT.Show, this);
                open(view, tab, host);
            }
        };
        host.addListener(SWT.Show, firstShow);
        if (host.getVisible()) { // already the selected tab: the folder showed it as it was set
            firstShow.handleEvent(null);
        }
        return tab;
    }

    private void open(ViewContribution view, CTabItem tab, Composite host) {
        try {
            view.createControl(host, context);
            host.layout(true, true);
        } catch (RuntimeException e) {
            broken(view, tab, host, e);
        }
    }

    /** The tab stays, saying what broke, so the user sees which view is missing. */
    private void broken(ViewContribution view, CTabItem tab, Composite host, RuntimeException e) {
        errors.report("View " + view.getClass().getName() + " failed to open", e);
        for (Control child : host.getChildren()) {
            child.dispose();
        }
        new Label(host, SWT.WRAP).setText("This view failed to open: " + e);
        if (tab.getText().isEmpty()) {
            tab.setText(view.getClass().getSimpleName());
        }
        host.layout(true, true);
    }
}
