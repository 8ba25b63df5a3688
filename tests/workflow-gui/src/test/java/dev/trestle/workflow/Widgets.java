package dev.trestle.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** Finds widgets the way a user does, by what they say, and presses them. */
final class Widgets {
    private Widgets() {}

    static List<Control> all(Composite root) {
        List<Control> found = new ArrayList<>();
        for (Control child : root.getChildren()) {
            found.add(child);
            if (child instanceof Composite composite) {
                found.addAll(all(composite));
            }
        }
        return found;
    }

    static Button button(Composite root, String text) {
        return all(root).stream()
                .filter(c -> c instanceof Button b && b.getText().equals(text))
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "'"));
    }

    static void press(Composite root, String text) {
        Button button = button(root, text);
        if (!button.isVisible()) {
            throw new AssertionError("the button '" + text + "' is not on screen");
        }
        if (!button.isEnabled()) {
            throw new AssertionError("the button '" + text + "' is disabled");
        }
        button.notifyListeners(SWT.Selection, new Event());
    }

    static Optional<String> label(Composite root, Predicate<String> matching) {
        return all(root).stream()
                .filter(c -> c instanceof Label l && matching.test(l.getText()))
                .map(c -> ((Label) c).getText())
                .findFirst();
    }

    /**
     * Answers the next dialog that offers {@code answer}, as a user would click it; the dialog runs its own event
     * loop, in which this timer fires.
     */
    static void answerNextDialog(Display display, Shell main, String answer) {
        display.timerExec(200, new Runnable() {
            @Override
            public void run() {
                for (Shell shell : display.getShells()) {
                    if (shell != main && !shell.isDisposed()) {
                        for (Control control : all(shell)) {
                            if (control instanceof Button b
                                    && b.getText().replace("&", "").equals(answer)) {
                                b.notifyListeners(SWT.Selection, new Event());
                                return;
                            }
                        }
                    }
                }
                display.timerExec(200, this);
            }
        });
    }
}
