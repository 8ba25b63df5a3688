package dev.trestle.workbench.internal;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IPreferenceStore;

/** The workbench's own settings, first in the Preferences dialog. */
final class GeneralPreferencePage extends FieldEditorPreferencePage {
    GeneralPreferencePage(IPreferenceStore store) {
        super("Workbench", GRID);
        setPreferenceStore(store);
        setDescription("How the workbench starts.");
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(
                WorkbenchPreferences.REOPEN_LAST_PROJECT,
                "&Reopen the most recent project when started without a directory",
                getFieldEditorParent()));
    }
}
