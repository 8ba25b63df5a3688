package dev.trestle.workbench.internal;

import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.model.TrestlePackage;
import dev.trestle.workbench.QuickFixContribution;
import dev.trestle.workbench.QuickFixContribution.QuickFix;
import dev.trestle.workbench.WorkbenchContext;
import dev.trestle.workbench.widgets.ViewerColumns;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * The project's annotations, worst first. Capabilities add annotations from their job threads, so the view
 * listens to the model and refreshes on the display thread.
 */
final class ProblemsView {
    private static final Comparator<Annotation> WORST_FIRST = Comparator.comparing(
                    Annotation::getSeverity, Comparator.reverseOrder())
            .thenComparing(a -> String.valueOf(a.getPath()))
            .thenComparingInt(Annotation::getStartLine);

    private final TableViewer viewer;
    private final Display display;
    private final AdapterImpl annotationsListener = new AdapterImpl() {
        @Override
        public void notifyChanged(Notification notification) {
            if (notification.getFeature() == TrestlePackage.Literals.PROJECT__ANNOTATIONS) {
                refreshSoon();
            }
        }
    };
    private Project project;

    private final java.util.function.Supplier<List<QuickFixContribution>> quickFixes;
    private final WorkbenchContext context;
    private final ErrorReporter errors;

    ProblemsView(
            Composite parent,
            WorkbenchIcons icons,
            BiConsumer<Path, Integer> openAtLine,
            java.util.function.Supplier<List<QuickFixContribution>> quickFixes,
            WorkbenchContext context,
            ErrorReporter errors) {
        this.quickFixes = quickFixes;
        this.context = context;
        this.errors = errors;
        display = parent.getDisplay();
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Severity", 90, a -> a.getSeverity().getLiteral(), a -> icons.severity(a.getSeverity()));
        column("Message", 420, Annotation::getMessage, a -> null);
        column("Path", 220, Annotation::getPath, a -> null);
        column("Line", 60, a -> Integer.toString(a.getStartLine()), a -> null);
        viewer.addDoubleClickListener(event -> {
            if (((IStructuredSelection) event.getSelection()).getFirstElement() instanceof Annotation a
                    && project != null
                    && project.getRoot() != null
                    && a.getPath() != null) {
                openAtLine.accept(Path.of(project.getRoot()).resolve(a.getPath()), a.getStartLine());
            }
        });
        viewer.getControl().addDisposeListener(event -> detach());
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(manager -> {
            for (QuickFix fix : fixesForSelection()) {
                manager.add(new RunnableAction("Quick Fix: " + fix.label(), 0, () -> apply(fix)));
            }
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        viewer.getControl().addListener(SWT.KeyDown, event -> {
            if (event.character == '1' && (event.stateMask & SWT.MOD1) != 0) {
                fixesForSelection().stream().findFirst().ifPresent(this::apply);
            }
        });
    }

    /** The fixes every contribution offers for the selected annotation, in contribution order. */
    List<QuickFix> fixesForSelection() {
        if (!(viewer.getStructuredSelection().getFirstElement() instanceof Annotation selected)) {
            return List.of();
        }
        List<QuickFix> fixes = new java.util.ArrayList<>();
        for (QuickFixContribution contribution : quickFixes.get()) {
            try {
                fixes.addAll(contribution.fixesFor(selected));
            } catch (RuntimeException e) {
                errors.report("A quick fix provider failed on " + selected.getMessage(), e);
            }
        }
        return fixes;
    }

    void apply(QuickFix fix) {
        try {
            fix.apply(context);
        } catch (Exception e) {
            errors.report("Quick fix failed: " + fix.label(), e);
        }
    }

    void show(Project newProject) {
        detach();
        project = newProject;
        if (project != null) {
            project.eAdapters().add(annotationsListener);
        }
        refresh();
    }

    /** The model outlives the view: a listener left behind would keep the disposed table reachable. */
    private void detach() {
        if (project != null) {
            project.eAdapters().remove(annotationsListener);
        }
    }

    Control control() {
        return viewer.getControl();
    }

    TableViewer viewer() {
        return viewer;
    }

    private void refreshSoon() {
        if (!display.isDisposed()) {
            display.asyncExec(this::refresh);
        }
    }

    private void refresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        // a copy: the list may change on another thread while the table reads it
        List<Annotation> annotations = project == null
                ? List.of()
                : List.copyOf(project.getAnnotations()).stream()
                        .sorted(WORST_FIRST)
                        .toList();
        viewer.setInput(annotations);
    }

    private void column(String title, int width, Function<Annotation, String> text, Function<Annotation, Image> image) {
        ViewerColumns.add(viewer, title, width, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return Objects.toString(text.apply((Annotation) element), "");
            }

            @Override
            public Image getImage(Object element) {
                return image.apply((Annotation) element);
            }
        });
    }
}
