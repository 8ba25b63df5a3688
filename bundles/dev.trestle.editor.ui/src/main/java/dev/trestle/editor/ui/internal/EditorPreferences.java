package dev.trestle.editor.ui.internal;

import dev.trestle.workbench.PreferencePageContribution;
import org.eclipse.jface.preference.IPreferencePage;
import org.osgi.service.component.annotations.Component;

/** Contributes Preferences > Editor to the workbench. */
@Component(service = PreferencePageContribution.class)
public final class EditorPreferences implements PreferencePageContribution {
    @Override
    public String id() {
        return "dev.trestle.editor.preferences";
    }

    @Override
    public String title() {
        return "Editor";
    }

    @Override
    public IPreferencePage createPage() {
        return new EditorPreferencePage(EditorSettings.current());
    }
}
