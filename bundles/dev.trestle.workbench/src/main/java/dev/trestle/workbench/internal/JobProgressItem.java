package dev.trestle.workbench.internal;

import dev.trestle.core.jobs.JobListener;
import dev.trestle.core.jobs.JobService;
import dev.trestle.core.jobs.JobState;
import dev.trestle.core.jobs.JobStatus;
import java.util.concurrent.ConcurrentSkipListMap;
import org.eclipse.jface.action.ContributionItem;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.action.StatusLineLayoutData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * The status line's job progress: the newest running job's task, step and fraction, and a button that cancels
 * it. Registered as a {@link JobListener}, so it is told on the jobs' threads and redraws on the display thread.
 */
final class JobProgressItem extends ContributionItem implements JobListener {
    private static final int WIDTH = 460;

    private final JobService jobs;
    private final Display display;
    private final WorkbenchIcons icons;
    private final ConcurrentSkipListMap<Long, JobStatus> running = new ConcurrentSkipListMap<>();
    private Label label;
    private ProgressBar bar;
    private Button cancel;
    private long shownId = -1;

    JobProgressItem(JobService jobs, Display display, WorkbenchIcons icons) {
        super("dev.trestle.workbench.jobProgress");
        this.jobs = jobs;
        this.display = display;
        this.icons = icons;
    }

    @Override
    public void fill(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 0;
        area.setLayout(layout);
        StatusLineLayoutData data = new StatusLineLayoutData();
        data.widthHint = WIDTH;
        area.setLayoutData(data);
        label = new Label(area, SWT.NONE);
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar = new ProgressBar(area, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setMaximum(1000);
        bar.setLayoutData(new GridData(140, SWT.DEFAULT));
        cancel = new Button(area, SWT.PUSH | SWT.FLAT);
        cancel.setImage(icons.cancel());
        cancel.setToolTipText("Cancel the running job");
        cancel.addListener(SWT.Selection, event -> cancelShownJob());
        update();
    }

    @Override
    public void changed(JobStatus status) {
        if (status.state().isFinal()) {
            running.remove(status.id());
        } else {
            running.put(status.id(), status);
        }
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                update();
                reportEnd(status);
            });
        }
    }

    @Override
    public void update() {
        if (label == null || label.isDisposed()) {
            return;
        }
        var newest = running.lastEntry();
        if (newest == null) {
            shownId = -1;
            label.setText("");
            bar.setSelection(0);
            showControls(false);
            return;
        }
        JobStatus status = newest.getValue();
        shownId = status.id();
        String step = status.step() == null || status.step().isEmpty() ? "" : ": " + status.step();
        String others = running.size() > 1 ? " (+" + (running.size() - 1) + " more)" : "";
        label.setText(status.task() + step + others);
        label.setToolTipText(label.getText());
        double fraction = status.fraction();
        bar.setSelection(fraction < 0 ? 0 : (int) (fraction * 1000));
        showControls(true);
    }

    Button cancelButton() {
        return cancel;
    }

    Label label() {
        return label;
    }

    private void showControls(boolean visible) {
        cancel.setEnabled(visible);
        bar.setVisible(visible);
        cancel.setVisible(visible);
    }

    private void cancelShownJob() {
        JobStatus shown = running.get(shownId);
        if (shown != null && jobs.cancel(shown.id())) {
            label.setText("Cancelling " + shown.name() + "…");
        }
    }

    private void reportEnd(JobStatus status) {
        if (getParent() instanceof IStatusLineManager line) {
            if (status.state() == JobState.FAILED) {
                line.setErrorMessage(status.name() + " failed: " + status.failure());
            } else if (status.state() == JobState.CANCELLED) {
                line.setMessage(status.name() + " cancelled");
            }
        }
    }
}
