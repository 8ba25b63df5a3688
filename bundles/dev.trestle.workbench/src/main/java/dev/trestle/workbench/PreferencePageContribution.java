package dev.trestle.workbench;

import org.eclipse.jface.preference.IPreferencePage;
import org.osgi.annotation.versioning.ConsumerType;

/** A page of the workbench's Preferences dialog. */
@ConsumerType
public interface PreferencePageContribution {
    String id();

    String title();

    /** A new page each time the dialog opens; the dialog disposes it when it closes. */
    IPreferencePage createPage();
}
