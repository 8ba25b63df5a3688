package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.LocalHistory;
import dev.trestle.editor.history.Version;
import dev.trestle.workbench.WorkbenchContext;
import dev.trestle.workbench.widgets.SideBySideText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/** The widgets of the Saved Versions view; display thread only. */
final class SavedVersionsPanel {
    private final WorkbenchContext context;
    private final LocalHistory history;
    private final Composite root;
    private final Label title;
    private final Table versions;
    /** The selected version on the left, the file as it is now on the right. */
    private final SideBySideText compared;

    private final Button restore;
    private Path file;
    private List<Version> shown = List.of();

    SavedVersionsPanel(Composite parent, WorkbenchContext context, LocalHistory history) {
        this.context = context;
        this.history = history;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(3, false));
        title = new Label(root, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button refresh = new Button(root, SWT.PUSH);
        refresh.setText("Show Active File");
        refresh.addListener(SWT.Selection, e -> showActiveFile());
        restore = new Button(root, SWT.PUSH);
        restore.setText("Restore");
        restore.setEnabled(false);
        restore.addListener(SWT.Selection, e -> restoreSelected());
        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        versions = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        versions.addListener(SWT.Selection, e -> compareSelected());
        compared = new SideBySideText(sash);
        sash.setWeights(24, 76);
        showActiveFile();
    }

    Control control() {
        return root;
    }

    /** Lists the versions of the editor in front, if any. */
    void showActiveFile() {
        context.activeFile().ifPresent(this::show);
        if (file == null) {
            title.setText("Saved versions of the file in the editor: open one, then Show Active File");
        }
    }

    void show(Path chosen) {
        file = SavedVersionsView.normal(chosen);
        versions.removeAll();
        compared.show("", "");
        restore.setEnabled(false);
        try {
            shown = history.versions(file);
        } catch (IOException e) {
            shown = List.of();
            context.showError("Cannot read the saved versions of " + file, e);
        }
        title.setText(shown.size() + " saved version" + (shown.size() == 1 ? "" : "s") + " of " + file
                + (Files.exists(file) ? "" : " (deleted)"));
        for (Version version : shown) {
            new TableItem(versions, SWT.NONE).setText(SavedVersionsView.describe(version));
        }
        if (!shown.isEmpty()) {
            versions.select(0);
            compareSelected();
        }
    }

    List<Version> versions() {
        return shown;
    }

    String savedText() {
        return compared.leftText();
    }

    String currentText() {
        return compared.rightText();
    }

    SideBySideText compared() {
        return compared;
    }

    void select(int index) {
        versions.select(index);
        compareSelected();
    }

    private void compareSelected() {
        int index = versions.getSelectionIndex();
        if (index < 0 || index >= shown.size()) {
            return;
        }
        compared.show(read(shown.get(index)), Files.isRegularFile(file) ? readFile(file) : "");
        restore.setEnabled(true);
    }

    private void restoreSelected() {
        int index = versions.getSelectionIndex();
        if (index < 0) {
            return;
        }
        try {
            history.restore(shown.get(index), file);
            show(file);
        } catch (IOException e) {
            context.showError("Cannot restore " + file, e);
        }
    }

    private String read(Version version) {
        try (InputStream in = history.open(version)) {
            return SideBySideText.head(in);
        } catch (IOException e) {
            return "cannot read this version: " + e.getMessage();
        }
    }

    private static String readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SideBySideText.head(in);
        } catch (IOException e) {
            return "cannot read " + file + ": " + e.getMessage();
        }
    }

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
