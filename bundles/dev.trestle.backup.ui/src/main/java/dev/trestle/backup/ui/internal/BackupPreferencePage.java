package dev.trestle.backup.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;

/**
 * Preferences &gt; Backups: the default destinations, kept per user. Back Up Project uses the only one without
 * asking; the Backups view and the start page list them all.
 */
final class BackupPreferencePage extends PreferencePage {
    private final BackupsModel model;
    private org.eclipse.swt.widgets.List list;

    BackupPreferencePage(BackupsModel model) {
        super("Backups");
        this.model = model;
        setDescription("Default backup destinations: directories on the devices you back up to, kept per user.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        list = new org.eclipse.swt.widgets.List(page, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        list.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 1, 2));
        model.chosenDestinations().forEach(d -> list.add(d.toString()));
        Button add = new Button(page, SWT.PUSH);
        add.setText("Add…");
        add.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        add.addListener(SWT.Selection, e -> {
            String chosen = new DirectoryDialog(getShell()).open();
            if (chosen != null) {
                add(Path.of(chosen));
            }
        });
        Button remove = new Button(page, SWT.PUSH);
        remove.setText("Remove");
        remove.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        remove.addListener(SWT.Selection, e -> {
            if (list.getSelectionIndex() >= 0) {
                list.remove(list.getSelectionIndex());
            }
        });
        return page;
    }

    void add(Path destination) {
        String text = destination.toAbsolutePath().normalize().toString();
        if (list.indexOf(text) < 0) {
            list.add(text);
        }
    }

    List<String> shown() {
        return List.of(list.getItems());
    }

    @Override
    public boolean performOk() {
        List<Path> destinations = new ArrayList<>();
        for (String item : list.getItems()) {
            destinations.add(Path.of(item));
        }
        try {
            model.setChosenDestinations(destinations);
            return true;
        } catch (IOException e) {
            setErrorMessage("Cannot save the destinations: " + e.getMessage());
            return false;
        }
    }
}
