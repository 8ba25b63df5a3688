package dev.trestle.editor.ui.internal;

import dev.trestle.editor.xref.Occurrence;
import dev.trestle.editor.xref.SymbolIndex;
import dev.trestle.workbench.WorkbenchContext;
import dev.trestle.workbench.widgets.ViewerColumns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The Symbols view's content: on the left the project browsed by directory and file down to the symbols each file
 * defines; on the right the definitions and references of a name typed above (or sent by Find References in the
 * editor). Every row opens its file at its line. Queries run on the project's index in the background.
 */
final class SymbolsPanel {
    private static final int PROJECT_POLL_MS = 1000;
    private final Composite root;
    private final Text search;
    private final Label status;
    private final TreeViewer browser;
    private final TableViewer results;
    private final WorkbenchContext context;
    private final ProjectIndexes indexes;
    private final BiConsumer<Path, Integer> openAtLine;
    private Path browsedRoot;

    SymbolsPanel(
            Composite parent, WorkbenchContext context, ProjectIndexes indexes, BiConsumer<Path, Integer> openAtLine) {
        this.context = context;
        this.indexes = indexes;
        this.openAtLine = openAtLine;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, false));
        search = new Text(root, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        search.setMessage("Definitions and references of… (Enter)");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.DefaultSelection, event -> find(search.getText().strip()));
        status = new Label(root, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));

        browser = new TreeViewer(sash, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        browser.setContentProvider(new BrowseContent());
        browser.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return switch (element) {
                    case Directory d -> d.name + "/";
                    case SourceFile f -> f.file.getFileName().toString();
                    case Occurrence o -> o.kind().label() + " " + o.symbol() + " : " + o.line();
                    default -> String.valueOf(element);
                };
            }
        });
        browser.addDoubleClickListener(event -> {
            Object chosen = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (chosen instanceof Occurrence o) {
                openAtLine.accept(o.file(), o.line());
            } else if (chosen instanceof SourceFile f) {
                openAtLine.accept(f.file, 1);
            } else if (chosen != null) {
                browser.setExpandedState(chosen, !browser.getExpandedState(chosen));
            }
        });

        results = new TableViewer(sash, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        results.getTable().setHeaderVisible(true);
        results.getTable().setLinesVisible(true);
        results.setContentProvider(ArrayContentProvider.getInstance());
        ViewerColumns.text(
                results,
                Occurrence.class,
                "Kind",
                90,
                o -> o.kind().isDefinition() ? o.kind().label() : "reference");
        ViewerColumns.text(results, Occurrence.class, "Symbol", 140, Occurrence::symbol);
        ViewerColumns.text(
                results, Occurrence.class, "File", 220, o -> ProjectIndexes.relativeToProject(context, o.file()));
        ViewerColumns.text(results, Occurrence.class, "Line", 60, o -> Integer.toString(o.line()));
        results.addDoubleClickListener(event -> {
            if (((IStructuredSelection) event.getSelection()).getFirstElement() instanceof Occurrence o) {
                openAtLine.accept(o.file(), o.line());
            }
        });
        sash.setWeights(2, 3);
        followProject();
    }

    /** Browses the open project, and the next one when the user opens another. */
    private void followProject() {
        if (root.isDisposed()) {
            return;
        }
        Path projectRoot = ProjectIndexes.rootOf(context, null);
        if (projectRoot != null && !projectRoot.equals(browsedRoot)) {
            browse();
        }
        root.getDisplay().timerExec(PROJECT_POLL_MS, this::followProject);
    }

    Control control() {
        return root;
    }

    /** Lists the definitions, then the references, of {@code symbol}; the editor's Find References calls this. */
    void find(String symbol) {
        if (symbol.isEmpty()) {
            return;
        }
        search.setText(symbol);
        Path projectRoot = ProjectIndexes.rootOf(context, null);
        if (projectRoot == null) {
            status.setText("Open a project to find symbols");
            return;
        }
        status.setText("Looking up '" + symbol + "'…");
        query(projectRoot, "Find the references of " + symbol, index -> {
                    List<Occurrence> found = new ArrayList<>(index.definitions(symbol));
                    found.addAll(index.references(symbol));
                    return found;
                })
                .whenComplete((found, failure) -> context.asyncExec(() -> {
                    if (root.isDisposed()) {
                        return;
                    }
                    if (failure != null) {
                        status.setText("Cannot look up '" + symbol + "': "
                                + cause(failure).getMessage());
                        return;
                    }
                    results.setInput(found);
                    long definitions =
                            found.stream().filter(o -> o.kind().isDefinition()).count();
                    status.setText(symbol + ": " + definitions + (definitions == 1 ? " definition, " : " definitions, ")
                            + (found.size() - definitions)
                            + (found.size() - definitions == 1 ? " reference" : " references"));
                    root.layout(true);
                }));
    }

    /** Fills the browser with the project's indexed files, by directory. */
    void browse() {
        Path projectRoot = ProjectIndexes.rootOf(context, null);
        if (projectRoot == null || !indexes.running()) {
            status.setText(
                    projectRoot == null ? "Open a project to browse its symbols" : "The symbol index is not running");
            return;
        }
        browsedRoot = projectRoot;
        query(projectRoot, "Index the symbols of " + projectRoot.getFileName(), index -> tree(index, projectRoot))
                .whenComplete((tree, failure) -> context.asyncExec(() -> {
                    if (root.isDisposed()) {
                        return;
                    }
                    if (failure != null) {
                        status.setText("Cannot index " + projectRoot + ": "
                                + cause(failure).getMessage());
                    } else {
                        browser.setInput(tree);
                        browser.expandToLevel(2);
                    }
                }));
    }

    private <T> java.util.concurrent.CompletableFuture<T> query(
            Path projectRoot, String job, Function<SymbolIndex, T> query) {
        return indexes.query(context, projectRoot, job, query);
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** A directory of the browser: its subdirectories, then its files, by name. */
    static final class Directory {
        final String name;
        final Map<String, Directory> directories = new TreeMap<>();
        final List<SourceFile> files = new ArrayList<>();

        Directory(String name) {
            this.name = name;
        }

        Object[] children() {
            List<Object> children = new ArrayList<>(directories.values());
            children.addAll(files);
            return children.toArray();
        }
    }

    /** A file of the browser, with the definitions the index holds for it. */
    record SourceFile(Path file, List<Occurrence> symbols) {}

    private static Directory tree(SymbolIndex index, Path projectRoot) {
        Directory top = new Directory(
                projectRoot.getFileName() == null
                        ? "/"
                        : projectRoot.getFileName().toString());
        for (Path file : index.files()) {
            Path relative = file.startsWith(projectRoot) ? projectRoot.relativize(file) : file;
            Directory directory = top;
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                directory = directory.directories.computeIfAbsent(
                        relative.getName(i).toString(), Directory::new);
            }
            List<Occurrence> symbols = new ArrayList<>(index.symbols(file));
            symbols.sort(Comparator.comparingInt(Occurrence::line));
            directory.files.add(new SourceFile(file, symbols));
        }
        return top;
    }

    private static final class BrowseContent implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return input instanceof Directory top ? top.children() : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            return switch (parent) {
                case Directory d -> d.children();
                case SourceFile f -> f.symbols().toArray();
                default -> new Object[0];
            };
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Directory
                    || (element instanceof SourceFile f && !f.symbols().isEmpty());
        }
    }
}
