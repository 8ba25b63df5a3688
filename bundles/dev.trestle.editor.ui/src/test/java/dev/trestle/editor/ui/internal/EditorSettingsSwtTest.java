package dev.trestle.editor.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.internal.history.HistoryServiceImpl;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's editor preferences: read per user from the state directory, in force in the open editors at once. */
class EditorSettingsSwtTest {
    @TempDir
    Path temp;

    @AfterEach
    void defaults() {
        EditorSettings.load(temp.resolve("no-preferences")); // the other tests expect the default keys and colours
    }

    @Test
    void reboundKeysAndColoursApplyAndTheOldKeyNoLongerActs() throws Exception {
        Path state = Files.createDirectories(temp.resolve("editor-state"));
        Properties user = new Properties();
        user.setProperty("key.find", "M1+M2+F");
        user.setProperty("colour.keyword", "200,0,0");
        try (var out = Files.newOutputStream(state.resolve(EditorSettings.FILE))) {
            user.store(out, "a user's editor preferences");
        }
        Path project = WorkbenchFixture.copyDemoProject(Files.createDirectories(temp.resolve("wordfreq")));
        SourceEditorContribution editors = new SourceEditorContribution(new HistoryServiceImpl(), state, null);
        try (WorkbenchFixture window = WorkbenchFixture.open(temp.resolve("state"), editors)) {
            window.openProject(project);
            SourceEditor editor = (SourceEditor) window.openFile(project.resolve("src/main.c"), 0);
            StyledText text = editor.viewer().getTextWidget();
            assertEquals(new RGB(200, 0, 0), Style.KEYWORD.color().getRGB());

            window.key(text, 'f', 'f', SWT.MOD1);
            assertFalse(editor.findBar().control().getVisible(), "Ctrl+F is no longer Find");
            window.key(text, 'f', 'f', SWT.MOD1 | SWT.SHIFT);
            assertTrue(editor.findBar().control().getVisible(), "Ctrl+Shift+F is");

            // Preferences > Editor: a new colour is in force in the open editor after Apply
            EditorSettings settings = EditorSettings.current();
            PreferenceConverter.setValue(settings.store(), EditorSettings.colourKey(Style.COMMENT), new RGB(1, 2, 3));
            settings.save();
            window.pump();
            assertEquals(new RGB(1, 2, 3), Style.COMMENT.color().getRGB());
            Properties saved = new Properties();
            try (var in = Files.newInputStream(state.resolve(EditorSettings.FILE))) {
                saved.load(in);
            }
            assertEquals("1,2,3", saved.getProperty("colour.comment"), "kept per user");
        }
    }

    @Test
    void aKeyIsCheckedBeforeItIsKept() {
        assertNull(EditorSettings.checkKey("M1+M3+B"));
        assertNull(EditorSettings.checkKey("F3"));
        assertNotNull(EditorSettings.checkKey("Ctrl+"));
        assertNotNull(EditorSettings.checkKey("M1+NOSUCHKEY"));
    }
}
