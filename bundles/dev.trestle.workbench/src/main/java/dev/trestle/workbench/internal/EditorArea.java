package dev.trestle.workbench.internal;

import dev.trestle.workbench.EditorContribution;
import dev.trestle.workbench.EditorPart;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabFolder2Listener;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;

/** The editor tabs: one per open file, closable, marked {@code *} while changed. */
final class EditorArea {
    private final CTabFolder folder;
    private final Supplier<List<EditorContribution>> contributions;
    private final WorkbenchContext context;
    private final ErrorReporter errors;
    private final EditorChooser chooser;
    private final Map<Path, OpenEditor> open = new LinkedHashMap<>();

    EditorArea(
            Composite parent,
            Supplier<List<EditorContribution>> contributions,
            WorkbenchContext context,
            ErrorReporter errors) {
        this.contributions = contributions;
        this.context = context;
        this.errors = errors;
        this.chooser = new EditorChooser(errors);
        folder = new CTabFolder(parent, SWT.BORDER | SWT.CLOSE);
        folder.addCTabFolder2Listener(CTabFolder2Listener.closeAdapter(event -> {
            OpenEditor editor = (OpenEditor) event.item.getData();
            event.doit = editor == null || confirmClose(editor);
        }));
    }

    /** Opens {@code file}, or brings its tab to the front, and shows {@code line} when it is positive. */
    Optional<OpenEditor> open(Path file, int line) {
        Path key = file.toAbsolutePath().normalize();
        OpenEditor editor = open.get(key);
        if (editor == null) {
            editor = create(key);
            if (editor == null) {
                return Optional.empty();
            }
        }
        folder.setSelection(editor.tab());
        if (line > 0) {
            editor.part().revealLine(line);
        }
        return Optional.of(editor);
    }

    Optional<OpenEditor> active() {
        CTabItem selected = folder.getSelection();
        return selected == null ? Optional.empty() : Optional.ofNullable((OpenEditor) selected.getData());
    }

    /** Saves the editor in front; false if there is none or saving failed (the user was told). */
    boolean saveActive() {
        return active().map(this::save).orElse(false);
    }

    List<OpenEditor> dirty() {
        return open.values().stream().filter(e -> e.part().isDirty()).toList();
    }

    boolean save(OpenEditor editor) {
        try {
            editor.part().save();
            updateTitle(editor);
            return true;
        } catch (IOException | RuntimeException e) {
            errors.report("Cannot save " + editor.file(), e);
            return false;
        }
    }

    CTabFolder folder() {
        return folder;
    }

    /** The start page, first and in front until a file is opened; closing it is allowed. */
    void addStartTab(org.eclipse.swt.widgets.Control page) {
        CTabItem tab = new CTabItem(folder, SWT.CLOSE, 0);
        tab.setText("Start");
        tab.setControl(page);
        folder.setSelection(tab);
    }

    private OpenEditor create(Path file) {
        CTabItem tab = new CTabItem(folder, SWT.CLOSE);
        Composite host = new Composite(folder, SWT.NONE);
        host.setLayout(new FillLayout());
        EditorPart part = createPart(host, file);
        if (part == null) {
            host.dispose();
            tab.dispose();
            return null;
        }
        OpenEditor editor = new OpenEditor(file, tab, part);
        tab.setData(editor);
        tab.setControl(host);
        tab.setToolTipText(file.toString());
        tab.addDisposeListener(event -> closed(editor, host));
        part.onDirtyChanged(() -> updateTitle(editor));
        updateTitle(editor);
        open.put(file, editor);
        return editor;
    }

    /** The chosen contribution's editor; the plain-text editor when none claims the file or the chosen one fails. */
    private EditorPart createPart(Composite host, Path file) {
        Optional<EditorContribution> chosen = chooser.choose(contributions.get(), file);
        if (chosen.isPresent()) {
            try {
                return chosen.get().open(host, file, context);
            } catch (Exception e) {
                errors.report("Editor " + chosen.get().id() + " cannot open " + file + "; showing it as text", e);
                for (var child : host.getChildren()) {
                    child.dispose();
                }
            }
        }
        try {
            return new TextFileEditor(host, file);
        } catch (IOException | RuntimeException e) {
            errors.report("Cannot open " + file, e);
            return null;
        }
    }

    private void updateTitle(OpenEditor editor) {
        if (!editor.tab().isDisposed()) {
            editor.tab().setText(editor.title());
        }
    }

    private boolean confirmClose(OpenEditor editor) {
        if (!editor.part().isDirty()) {
            return true;
        }
        int choice = new MessageDialog(
                        folder.getShell(),
                        "Save changes",
                        null,
                        editor.file().getFileName() + " has unsaved changes.",
                        MessageDialog.QUESTION,
                        0,
                        "Save",
                        "Discard",
                        "Cancel")
                .open();
        return choice == 1 || (choice == 0 && save(editor));
    }

    private void closed(OpenEditor editor, Composite host) {
        open.remove(editor.file());
        try {
            editor.part().dispose();
        } catch (RuntimeException e) {
            errors.report("Editor of " + editor.file() + " failed to close cleanly", e);
        }
        host.dispose();
    }
}
