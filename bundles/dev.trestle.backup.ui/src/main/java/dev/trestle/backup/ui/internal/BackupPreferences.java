package dev.trestle.backup.ui.internal;

import dev.trestle.workbench.PreferencePageContribution;
import org.eclipse.jface.preference.IPreferencePage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contributes Preferences > Backups to the workbench. */
@Component(service = PreferencePageContribution.class)
public final class BackupPreferences implements PreferencePageContribution {
    private final BackupsModel model;

    @Activate
    public BackupPreferences(@Reference BackupsModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        return "dev.trestle.backup.preferences";
    }

    @Override
    public String title() {
        return "Backups";
    }

    @Override
    public IPreferencePage createPage() {
        return new BackupPreferencePage(model);
    }
}
