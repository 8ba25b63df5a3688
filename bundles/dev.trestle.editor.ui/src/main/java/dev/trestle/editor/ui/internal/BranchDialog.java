package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.Branch;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** Lists the undo branches of a file, newest last, and returns the tip state of the one chosen. */
final class BranchDialog extends Dialog {
    private final List<Branch> branches;
    private final long current;
    private int chosen = -1;

    BranchDialog(Shell parent, List<Branch> branches, long current) {
        super(parent);
        this.branches = List.copyOf(branches);
        this.current = current;
    }

    Optional<Long> choose() {
        return open() == Window.OK && chosen >= 0
                ? Optional.of(branches.get(chosen).tipState())
                : Optional.empty();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Undo branches");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        new Label(area, SWT.WRAP)
                .setText("Every line of edits is kept: an edit after an undo started a new one. Switch to:");
        org.eclipse.swt.widgets.List list =
                new org.eclipse.swt.widgets.List(area, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
        list.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (Branch branch : branches) {
            list.add(Prompts.describe(branch, current));
        }
        list.addListener(SWT.Selection, event -> chosen = list.getSelectionIndex());
        list.addListener(SWT.DefaultSelection, event -> {
            chosen = list.getSelectionIndex();
            okPressed();
        });
        return area;
    }
}
