package dev.trestle.editor.ui.internal;

import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.model.Severity;
import dev.trestle.workbench.widgets.ViewerColumns;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * The table of the Annotations window. The model changes on job threads and a project may be opened at any time,
 * so the table re-reads a copy of the list once a second rather than holding on to one project's notifications.
 */
final class AnnotationsTable {
    private static final int REFRESH_MS = 1000;
    private static final Comparator<Annotation> ORDER = Comparator.comparing(
                    Annotation::getSeverity, Comparator.reverseOrder())
            .thenComparing(a -> String.valueOf(a.getPath()))
            .thenComparingInt(Annotation::getStartLine);

    private final Composite root;
    private final Text filter;
    private final Combo severity;
    private final TableViewer viewer;
    private final Supplier<Optional<Project>> project;
    private final Runnable refresh = this::refreshPeriodically;
    private List<Annotation> shown = List.of();

    AnnotationsTable(Composite parent, Supplier<Optional<Project>> project, BiConsumer<Path, Integer> openAtLine) {
        this.project = project;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, false));
        filter = new Text(root, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        filter.setMessage("Filter by message, file or origin");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        severity = new Combo(root, SWT.READ_ONLY);
        severity.setItems("All", "Errors", "Warnings and errors", "Info");
        severity.select(0);
        viewer = new TableViewer(root, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Severity", 80, a -> a.getSeverity().getLiteral());
        column("Message", 380, Annotation::getMessage);
        column("File", 200, Annotation::getPath);
        column("Line", 50, a -> Integer.toString(a.getStartLine()));
        column("Origin", 90, Annotation::getOrigin);
        filter.addListener(SWT.Modify, event -> refresh());
        severity.addListener(SWT.Selection, event -> refresh());
        viewer.addDoubleClickListener(event -> {
            Optional<Project> current = project.get();
            if (((IStructuredSelection) event.getSelection()).getFirstElement() instanceof Annotation a
                    && current.isPresent()
                    && current.get().getRoot() != null
                    && a.getPath() != null) {
                openAtLine.accept(Path.of(current.get().getRoot()).resolve(a.getPath()), a.getStartLine());
            }
        });
        refreshPeriodically();
    }

    Composite control() {
        return root;
    }

    TableViewer viewer() {
        return viewer;
    }

    Text filter() {
        return filter;
    }

    Combo severity() {
        return severity;
    }

    private void refreshPeriodically() {
        if (!root.isDisposed()) {
            refresh();
            root.getDisplay().timerExec(REFRESH_MS, refresh);
        }
    }

    void refresh() {
        String needle = filter.getText().strip().toLowerCase(Locale.ROOT);
        List<Annotation> annotations =
                project.get().map(p -> List.copyOf(p.getAnnotations())).orElse(List.of()).stream()
                        .filter(a -> a.getSeverity() != null && severityMatches(a.getSeverity()))
                        .filter(a -> needle.isEmpty() || text(a).contains(needle))
                        .sorted(ORDER)
                        .toList();
        if (!annotations.equals(shown)) {
            shown = annotations;
            viewer.setInput(annotations);
        }
    }

    private boolean severityMatches(Severity s) {
        return switch (severity.getSelectionIndex()) {
            case 1 -> s == Severity.ERROR;
            case 2 -> s == Severity.ERROR || s == Severity.WARNING;
            case 3 -> s == Severity.INFO;
            default -> true;
        };
    }

    private static String text(Annotation a) {
        return (a.getMessage() + " " + a.getPath() + " " + a.getOrigin()).toLowerCase(Locale.ROOT);
    }

    private void column(String title, int width, Function<Annotation, String> text) {
        ViewerColumns.add(viewer, title, width, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return Objects.toString(text.apply((Annotation) element), "");
            }

            @Override
            public Color getForeground(Object element) {
                return title.equals("Severity")
                        ? MarkerTypes.color(MarkerTypes.of(((Annotation) element).getSeverity()))
                        : null;
            }
        });
    }
}
