package dev.trestle.make.ui.internal;

import dev.trestle.make.description.PlatformSpec;
import dev.trestle.workbench.PreferencePageContribution;
import java.io.IOException;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Preferences > Build: the compiler of each built-in platform, for the descriptions Generate proposes. */
@Component(service = PreferencePageContribution.class)
public final class BuildPreferences implements PreferencePageContribution {
    private final MakeBuild build;

    @Activate
    public BuildPreferences(@Reference MakeBuild build) {
        this.build = build;
    }

    @Override
    public String id() {
        return "dev.trestle.make.preferences";
    }

    @Override
    public String title() {
        return "Build";
    }

    @Override
    public IPreferencePage createPage() {
        BuildSettings settings = build.settings();
        return new FieldEditorPreferencePage("Build", FieldEditorPreferencePage.GRID) {
            {
                setPreferenceStore(settings.store());
                setDescription("The compiler per platform that a proposed build description starts from. Kept"
                        + " per user; an existing trestle-build.txt keeps its own.");
            }

            @Override
            protected void createFieldEditors() {
                for (PlatformSpec platform : PlatformSpec.BUILT_IN) {
                    addField(new StringFieldEditor(
                            BuildSettings.compilerKey(platform.name()),
                            "Compiler for " + platform.name() + ":",
                            getFieldEditorParent()));
                }
            }

            @Override
            public boolean performOk() {
                boolean ok = super.performOk();
                try {
                    settings.save();
                } catch (IOException e) {
                    setErrorMessage("Cannot save the build preferences: " + e.getMessage());
                    return false;
                }
                return ok;
            }
        };
    }
}
