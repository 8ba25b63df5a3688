package dev.trestle.editor.ui.internal;

import dev.trestle.workbench.UserPreferences;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.bindings.keys.ParseException;
import org.eclipse.jface.bindings.keys.SWTKeySupport;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.preference.PreferenceStore;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.events.KeyEvent;

/**
 * The user's editor preferences, kept per user in {@code editor.properties} in the state directory: the text font,
 * the colours of the syntax styles, and the key of each editor command. {@link #apply} puts them in force in every
 * open editor.
 */
final class EditorSettings {
    static final String FILE = "editor.properties";
    static final String FONT = "font";
    /** The styles a user may recolour; the others follow from them or mark problems. */
    static final List<Style> COLOURED =
            List.of(Style.KEYWORD, Style.TYPE, Style.PREPROCESSOR, Style.STRING, Style.COMMENT, Style.NUMBER);

    /** An editor command and its default key, in JFace's notation (M1 is Ctrl, or Command on macOS). */
    enum Binding {
        UNDO("Undo", "M1+Z"),
        REDO("Redo", "M1+M2+Z"),
        EARLIER("A minute earlier, across undo branches", "M1+M3+Z"),
        LATER("A minute later, across undo branches", "M1+M2+M3+Z"),
        BRANCHES("Undo branches", "M1+M3+B"),
        GO_TO_LINE("Go to line", "M1+L"),
        FIND("Find", "M1+F"),
        DEFINITION("Go to definition", "F3"),
        REFERENCES("Find references", "M1+M2+G"),
        SEARCH_PROJECT("Search the project", "M1+M2+F"),
        BOOKMARK("Toggle bookmark on the line", "M1+M2+M"),
        NOTE("Add a note to the line", "M1+M2+N");

        final String label;
        final String defaultKey;

        Binding(String label, String defaultKey) {
            this.label = label;
            this.defaultKey = defaultKey;
        }

        String preference() {
            return "key." + name().toLowerCase(Locale.ROOT);
        }
    }

    private static volatile EditorSettings current = new EditorSettings(new PreferenceStore(), null);
    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();

    private final PreferenceStore store;
    private final Path file;
    private volatile Map<KeyStroke, Binding> keys = Map.of();

    private EditorSettings(PreferenceStore store, Path file) {
        this.store = store;
        this.file = file;
        for (Binding binding : Binding.values()) {
            store.setDefault(binding.preference(), binding.defaultKey);
        }
        for (Style style : COLOURED) {
            PreferenceConverter.setDefault(store, colourKey(style), style.defaultColour());
        }
        keys = parseKeys();
    }

    static EditorSettings current() {
        return current;
    }

    /** Reads the user's preferences from {@code stateDirectory} and puts them in force. */
    static EditorSettings load(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE);
        EditorSettings settings = new EditorSettings(UserPreferences.open(file), file);
        current = settings;
        settings.apply();
        return settings;
    }

    PreferenceStore store() {
        return store;
    }

    static String colourKey(Style style) {
        return "colour." + style.name().toLowerCase(Locale.ROOT);
    }

    /** Saves the store and puts the font, colours and keys in force; editors redraw through their listeners. */
    void save() throws IOException {
        if (file != null) {
            UserPreferences.save(store, file);
        }
        apply();
    }

    void apply() {
        for (Style style : COLOURED) {
            style.recolour(PreferenceConverter.getColor(store, colourKey(style)));
        }
        keys = parseKeys();
        if (store.contains(FONT) && !store.isDefault(FONT) && org.eclipse.swt.widgets.Display.getCurrent() != null) {
            JFaceResources.getFontRegistry()
                    .put(JFaceResources.TEXT_FONT, PreferenceConverter.getFontDataArray(store, FONT));
        }
        LISTENERS.forEach(Runnable::run);
    }

    /** The command a key event stands for, by the user's keys. */
    Optional<Binding> bindingOf(KeyEvent event) {
        KeyStroke stroke =
                SWTKeySupport.convertAcceleratorToKeyStroke(SWTKeySupport.convertEventToUnmodifiedAccelerator(event));
        return Optional.ofNullable(keys.get(stroke));
    }

    /** Null when {@code text} is a key JFace can read, else why not. */
    static String checkKey(String text) {
        try {
            KeyStroke stroke = KeyStroke.getInstance(text.strip());
            return stroke.isComplete() ? null : "Not a whole key: " + text;
        } catch (ParseException | IllegalArgumentException e) {
            return "Not a key: " + text + " (write it like M1+M2+F or F3)";
        }
    }

    private Map<KeyStroke, Binding> parseKeys() {
        Map<KeyStroke, Binding> parsed = new java.util.HashMap<>();
        Map<Binding, KeyStroke> chosen = new EnumMap<>(Binding.class);
        for (Binding binding : Binding.values()) {
            String text = store.getString(binding.preference());
            try {
                chosen.put(binding, KeyStroke.getInstance(text.strip()));
            } catch (ParseException | IllegalArgumentException e) {
                try {
                    chosen.put(binding, KeyStroke.getInstance(binding.defaultKey));
                } catch (ParseException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        chosen.forEach((binding, stroke) -> parsed.putIfAbsent(stroke, binding));
        return Map.copyOf(parsed);
    }

    /** Runs {@code listener} on the display thread whenever the preferences are put in force. */
    static Runnable onApply(Runnable listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }
}
