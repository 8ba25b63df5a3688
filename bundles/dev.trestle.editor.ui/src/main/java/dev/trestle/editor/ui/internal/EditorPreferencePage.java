package dev.trestle.editor.ui.internal;

import java.io.IOException;
import org.eclipse.jface.preference.ColorFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FontFieldEditor;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.jface.resource.JFaceResources;

/** Preferences > Editor: the text font, the colours of the syntax styles, and the editor's keys. */
final class EditorPreferencePage extends FieldEditorPreferencePage {
    private final EditorSettings settings;

    EditorPreferencePage(EditorSettings settings) {
        super("Editor", GRID);
        this.settings = settings;
        setPreferenceStore(settings.store());
        setDescription("Kept per user; they apply to every open editor when you press Apply.");
        PreferenceConverter.setDefault(
                settings.store(),
                EditorSettings.FONT,
                JFaceResources.getTextFont().getFontData());
    }

    @Override
    protected void createFieldEditors() {
        addField(new FontFieldEditor(EditorSettings.FONT, "Text &font:", getFieldEditorParent()));
        for (Style style : EditorSettings.COLOURED) {
            String name = style.name().charAt(0) + style.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            addField(new ColorFieldEditor(EditorSettings.colourKey(style), name + ":", getFieldEditorParent()));
        }
        for (EditorSettings.Binding binding : EditorSettings.Binding.values()) {
            addField(new KeyFieldEditor(binding));
        }
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        try {
            settings.save();
        } catch (IOException e) {
            setErrorMessage("Cannot save the editor preferences: " + e.getMessage());
            return false;
        }
        return ok;
    }

    /** A key in JFace's notation, refused until it parses. */
    private final class KeyFieldEditor extends StringFieldEditor {
        KeyFieldEditor(EditorSettings.Binding binding) {
            super(binding.preference(), binding.label + ":", getFieldEditorParent());
            setEmptyStringAllowed(false);
        }

        @Override
        protected boolean doCheckState() {
            String problem = EditorSettings.checkKey(getStringValue());
            setErrorMessage(problem);
            return problem == null;
        }
    }
}
