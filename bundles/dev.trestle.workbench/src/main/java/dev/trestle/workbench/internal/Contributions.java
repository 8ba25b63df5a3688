package dev.trestle.workbench.internal;

import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.EditorContribution;
import dev.trestle.workbench.PreferencePageContribution;
import dev.trestle.workbench.QuickFixContribution;
import dev.trestle.workbench.ViewContribution;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The contributions currently registered. DS adds and removes them on its own threads, possibly before the window
 * exists, so this registry is thread-safe and only tells listeners that something changed; the window then reads
 * the current lists on the display thread.
 */
final class Contributions {
    private final List<ViewContribution> views = new CopyOnWriteArrayList<>();
    private final List<EditorContribution> editors = new CopyOnWriteArrayList<>();
    private final List<ActionContribution> actions = new CopyOnWriteArrayList<>();
    private final List<PreferencePageContribution> preferencePages = new CopyOnWriteArrayList<>();
    private final List<QuickFixContribution> quickFixes = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    List<ViewContribution> views() {
        return List.copyOf(views);
    }

    List<EditorContribution> editors() {
        return List.copyOf(editors);
    }

    List<ActionContribution> actions() {
        return List.copyOf(actions);
    }

    List<QuickFixContribution> quickFixes() {
        return List.copyOf(quickFixes);
    }

    void addQuickFix(QuickFixContribution fixes) {
        quickFixes.add(fixes);
    }

    void removeQuickFix(QuickFixContribution fixes) {
        quickFixes.remove(fixes);
    }

    List<PreferencePageContribution> preferencePages() {
        return List.copyOf(preferencePages);
    }

    void addView(ViewContribution view) {
        changed(views.add(view));
    }

    void removeView(ViewContribution view) {
        changed(views.remove(view));
    }

    void addEditor(EditorContribution editor) {
        changed(editors.add(editor));
    }

    void removeEditor(EditorContribution editor) {
        changed(editors.remove(editor));
    }

    void addAction(ActionContribution action) {
        changed(actions.add(action));
    }

    void removeAction(ActionContribution action) {
        changed(actions.remove(action));
    }

    void addPreferencePage(PreferencePageContribution page) {
        changed(preferencePages.add(page));
    }

    void removePreferencePage(PreferencePageContribution page) {
        changed(preferencePages.remove(page));
    }

    /** {@code listener} runs on the thread that changed the registry. */
    ServiceRegistrar.Registration onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed(boolean really) {
        if (really) {
            listeners.forEach(Runnable::run);
        }
    }
}
