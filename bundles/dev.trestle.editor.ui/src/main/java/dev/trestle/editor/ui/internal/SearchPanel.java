package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.LocalHistory;
import dev.trestle.workbench.WorkbenchContext;
import dev.trestle.workbench.widgets.ViewerColumns;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The Search view's content: find, with or without a regular expression, in every text file of the project (see
 * {@link ProjectSearch}; a file with unsaved changes is searched as its editor holds it), each hit opening its file at
 * its line; and Replace All over the files found (see {@link
 * ProjectReplace}). Searching runs in the background; the results show how many files were searched and skipped.
 */
final class SearchPanel {
    private final Composite root;
    private final Text find;
    private final Text replace;
    private final Button regex;
    private final Label status;
    private final TableViewer results;
    private final WorkbenchContext context;
    private final Function<Path, Optional<IDocument>> openDocument;
    private final LocalHistory history;
    private final Supplier<Map<Path, String>> unsaved;
    private ProjectSearch.Result last;
    /** What Replace All did, shown before the new search's count. */
    private String replaced = "";

    private Pattern lastPattern;

    SearchPanel(
            Composite parent,
            WorkbenchContext context,
            Function<Path, Optional<IDocument>> openDocument,
            Supplier<Map<Path, String>> unsaved,
            LocalHistory history,
            BiConsumer<Path, Integer> openAtLine) {
        this.context = context;
        this.unsaved = unsaved;
        this.openDocument = openDocument;
        this.history = history;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(6, false));
        find = field("Find:");
        replace = field("Replace:");
        regex = new Button(root, SWT.CHECK);
        regex.setText("Regex");
        Composite buttons = new Composite(root, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        button(buttons, "Find", this::search);
        button(buttons, "Replace All", this::replaceAll);
        status = new Label(root, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
        find.addListener(SWT.DefaultSelection, event -> search());
        results = new TableViewer(root, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        results.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
        results.getTable().setHeaderVisible(true);
        results.getTable().setLinesVisible(true);
        results.setContentProvider(ArrayContentProvider.getInstance());
        ViewerColumns.text(
                results,
                ProjectSearch.Hit.class,
                "File",
                220,
                hit -> ProjectIndexes.relativeToProject(context, hit.file()));
        ViewerColumns.text(results, ProjectSearch.Hit.class, "Line", 60, hit -> Integer.toString(hit.line()));
        ViewerColumns.text(results, ProjectSearch.Hit.class, "Text", 520, ProjectSearch.Hit::lineText);
        results.addDoubleClickListener(event -> {
            if (((IStructuredSelection) event.getSelection()).getFirstElement() instanceof ProjectSearch.Hit hit) {
                openAtLine.accept(hit.file(), hit.line());
            }
        });
    }

    Control control() {
        return root;
    }

    /** Searches the project for {@code text} (literally); the editor's Ctrl+Shift+F calls this. */
    void searchFor(String text) {
        find.setText(text);
        regex.setSelection(false);
        search();
    }

    void setReplacement(String text, boolean regularExpression) {
        replace.setText(text);
        regex.setSelection(regularExpression);
    }

    /** The last search's result, once it is shown; null before. */
    ProjectSearch.Result lastResult() {
        return last;
    }

    String statusText() {
        return status.getText();
    }

    void search() {
        Optional<Pattern> pattern = pattern();
        Path projectRoot = ProjectIndexes.rootOf(context, null);
        if (pattern.isEmpty()) {
            return;
        }
        if (projectRoot == null) {
            status.setText("Open a project to search it");
            return;
        }
        status.setText("Searching " + projectRoot.getFileName() + "…");
        Pattern searched = pattern.get();
        Map<Path, String> unsaved = this.unsaved.get();
        context.jobs()
                .schedule("Search " + projectRoot.getFileName() + " for " + find.getText(), progress -> {
                    progress.begin("Searching " + projectRoot, -1);
                    return ProjectSearch.find(projectRoot, searched, unsaved, progress::isCancelled);
                })
                .result()
                .whenComplete((result, failure) -> context.asyncExec(() -> show(searched, result, failure)));
    }

    private void show(Pattern searched, ProjectSearch.Result result, Throwable failure) {
        if (root.isDisposed()) {
            return;
        }
        if (failure != null) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            status.setText("Cannot search: " + cause.getMessage());
            return;
        }
        last = result;
        lastPattern = searched;
        results.setInput(result.hits());
        long files =
                result.hits().stream().map(ProjectSearch.Hit::file).distinct().count();
        status.setText(
                replaced + result.hits().size() + (result.truncated() ? "+" : "") + " matches in " + files + " of "
                        + result.filesSearched() + " files searched"
                        + (result.skipped().isEmpty() ? "" : "; skipped " + String.join(", ", result.skipped())));
        replaced = "";
    }

    /** Replaces in the files the last search found, then searches again, so the list shows what is left. */
    void replaceAll() {
        Optional<Pattern> pattern = pattern();
        if (last == null
                || pattern.isEmpty()
                || !pattern.get().pattern().equals(lastPattern.pattern())
                || pattern.get().flags() != lastPattern.flags()) {
            status.setText("Find first: Replace All changes the files the search found");
            return;
        }
        List<Path> files =
                last.hits().stream().map(ProjectSearch.Hit::file).distinct().toList();
        ProjectReplace.Outcome[] outcome = new ProjectReplace.Outcome[1];
        BusyIndicator.showWhile(
                root.getDisplay(),
                () -> outcome[0] = ProjectReplace.replaceAll(
                        files, pattern.get(), replace.getText(), regex.getSelection(), openDocument, history));
        replaced = "Replaced " + outcome[0].replacements() + " in " + outcome[0].files() + " files"
                + (outcome[0].leftUnsaved().isEmpty()
                        ? ""
                        : " (" + outcome[0].leftUnsaved().size() + " open in editors, not saved yet)")
                + (outcome[0].refused().isEmpty() ? "" : "; not changed: " + String.join(", ", outcome[0].refused()))
                + ". Now ";
        search();
    }

    private Optional<Pattern> pattern() {
        if (find.getText().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Pattern.compile(find.getText(), regex.getSelection() ? Pattern.MULTILINE : Pattern.LITERAL));
        } catch (PatternSyntaxException e) {
            status.setText(e.getDescription() + " in the regular expression");
            return Optional.empty();
        }
    }

    private Text field(String label) {
        new Label(root, SWT.NONE).setText(label);
        Text text = new Text(root, SWT.BORDER | SWT.SINGLE);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return text;
    }

    private static void button(Composite parent, String label, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, event -> action.run());
    }
}
