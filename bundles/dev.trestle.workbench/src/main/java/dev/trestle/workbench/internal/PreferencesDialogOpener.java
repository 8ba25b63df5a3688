package dev.trestle.workbench.internal;

import dev.trestle.workbench.PreferencePageContribution;
import java.io.IOException;
import java.util.List;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Shell;

/** Builds the Preferences dialog from the workbench's page and the contributed ones, fresh each time. */
final class PreferencesDialogOpener {
    private final WorkbenchPreferences preferences;
    private final ErrorReporter errors;

    PreferencesDialogOpener(WorkbenchPreferences preferences, ErrorReporter errors) {
        this.preferences = preferences;
        this.errors = errors;
    }

    void open(Shell shell, List<PreferencePageContribution> contributions) {
        PreferenceDialog dialog = new PreferenceDialog(shell, pages(contributions));
        if (dialog.open() == PreferenceDialog.OK) {
            try {
                preferences.save();
            } catch (IOException e) {
                errors.report("Cannot save " + preferences.file(), e);
            }
        }
    }

    PreferenceManager pages(List<PreferencePageContribution> contributions) {
        PreferenceManager manager = new PreferenceManager();
        manager.addToRoot(new PreferenceNode("workbench", new GeneralPreferencePage(preferences.store())));
        for (PreferencePageContribution contribution : contributions) {
            try {
                IPreferencePage page = contribution.createPage();
                page.setTitle(contribution.title());
                manager.addToRoot(new PreferenceNode(contribution.id(), page));
            } catch (RuntimeException e) {
                errors.report("Preference page " + contribution.getClass().getName() + " failed to open", e);
            }
        }
        return manager;
    }
}
