package dev.trestle.trace.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The row above the events: pid, syscall, errors only, free text, and a time to jump to. A filter applies on Enter
 * rather than per keystroke, because on a big log each one is a pass over every event.
 */
final class FilterBar {
    private final Composite bar;
    private final Text pid;
    private final Combo syscall;
    private final Button errorsOnly;
    private final Text text;
    private final Text time;
    private final Consumer<String> complaints;

    FilterBar(Composite parent, Consumer<EventFilter> onFilter, LongConsumer onJump, Consumer<String> complaints) {
        this.complaints = complaints;
        bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(9, false);
        layout.marginHeight = 2;
        bar.setLayout(layout);
        pid = field("PID", 50);
        new Label(bar, SWT.NONE).setText("Syscall");
        syscall = new Combo(bar, SWT.DROP_DOWN);
        syscall.setLayoutData(new GridData(110, SWT.DEFAULT));
        errorsOnly = new Button(bar, SWT.CHECK);
        errorsOnly.setText("Errors only");
        text = field("Text", 140);
        time = field("Jump to time", 110);
        time.setMessage("HH:MM:SS.ffffff");

        Runnable apply = () -> filter().ifPresent(onFilter);
        pid.addListener(SWT.DefaultSelection, e -> apply.run());
        text.addListener(SWT.DefaultSelection, e -> apply.run());
        syscall.addListener(SWT.DefaultSelection, e -> apply.run());
        syscall.addListener(SWT.Selection, e -> apply.run());
        errorsOnly.addListener(SWT.Selection, e -> apply.run());
        time.addListener(SWT.DefaultSelection, e -> jump(onJump));
    }

    private Text field(String label, int width) {
        new Label(bar, SWT.NONE).setText(label);
        Text field = new Text(bar, SWT.BORDER | SWT.SINGLE);
        field.setLayoutData(new GridData(width, SWT.DEFAULT));
        return field;
    }

    Composite control() {
        return bar;
    }

    Text pid() {
        return pid;
    }

    Combo syscall() {
        return syscall;
    }

    Button errorsOnly() {
        return errorsOnly;
    }

    Text text() {
        return text;
    }

    Text time() {
        return time;
    }

    void setSyscalls(List<String> names) {
        syscall.setItems(names.stream().sorted().toArray(String[]::new));
    }

    Optional<EventFilter> filter() {
        String pidText = pid.getText().strip();
        int pidValue = -1;
        if (!pidText.isEmpty()) {
            try {
                pidValue = Integer.parseInt(pidText);
            } catch (NumberFormatException e) {
                complaints.accept("PID must be a whole number, not '" + pidText + "'");
                return Optional.empty();
            }
        }
        return Optional.of(new EventFilter(pidValue, syscall.getText(), errorsOnly.getSelection(), text.getText()));
    }

    private void jump(LongConsumer onJump) {
        OptionalLong micros = Formats.parseTime(time.getText());
        if (micros.isPresent()) {
            onJump.accept(micros.getAsLong());
        } else {
            complaints.accept("Time must read HH:MM:SS[.ffffff] or seconds, not '" + time.getText() + "'");
        }
    }
}
