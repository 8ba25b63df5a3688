package dev.trestle.backup.ui.internal;

import dev.trestle.core.jobs.JobHandle;
import dev.trestle.core.jobs.JobStatus;
import dev.trestle.workbench.WorkbenchContext;
import dev.trestle.workbench.widgets.ViewerColumns;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * The Backups view's widgets: the "How good are your backups?" line, the buttons and the running job's progress,
 * and a tree of destinations, their archives and the damaged files of each.
 */
final class BackupsPanel extends Composite {
    /** A damaged file of an archive, opened from its live copy in the project it was backed up from. */
    record DamagedFile(ArchiveState archive, String path, Optional<Path> liveRoot) {}

    /** Damage to an archive or destination that names no file. */
    record Problem(String text) {
        /** What the problem is about ("frame 0 (bytes 0..2355)"), for the first column; the whole text is beside it. */
        String subject() {
            int colon = text.indexOf(": ");
            int is = text.indexOf(" is ");
            int end = colon < 0 ? is : is < 0 ? colon : Math.min(colon, is);
            return end > 0 ? text.substring(0, end) : text;
        }
    }

    private final BackupsModel model;
    private final WorkbenchContext context;
    private final Label health;
    private final ProgressBar progress;
    private final Button cancel;
    private final Button repair;
    private final Label outcome;
    private final TreeViewer tree;
    private final Runnable listener = this::refresh;
    private boolean timerRunning;
    private boolean lastWarning;
    private ArchiveCopyWindow lastCopyWindow;

    BackupsPanel(Composite parent, BackupsModel model, WorkbenchContext context) {
        super(parent, SWT.NONE);
        this.model = model;
        this.context = context;
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(this);

        health = new Label(this, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(health);

        Composite bar = new Composite(this, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(8).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        button(bar, "Add Destination…", this::addDestination);
        button(bar, "Back Up Project", () -> BackUpAction.backUp(model, context));
        button(bar, "Verify All", () -> model.verifyAll(context));
        button(bar, "Restore…", () -> RestoreAction.restore(model, context));
        repair = button(bar, "Repair", this::repairSelected);
        repair.setToolTipText(
                "Restore the damaged blocks of the selected archive from its repair data, then verify it");
        progress = new ProgressBar(bar, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults()
                .hint(160, SWT.DEFAULT)
                .align(SWT.FILL, SWT.CENTER)
                .applyTo(progress);
        cancel = button(bar, "Cancel", () -> model.running().ifPresent(JobHandle::cancel));
        outcome = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults()
                .grab(true, false)
                .align(SWT.FILL, SWT.CENTER)
                .applyTo(outcome);

        tree = new TreeViewer(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        tree.getTree().setHeaderVisible(true);
        tree.getTree().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tree.getControl());
        ViewerColumns.add(tree, "Destination / archive / damaged file", 420, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return switch (element) {
                    case DestinationState d -> d.destination().toString();
                    case ArchiveState a -> a.name();
                    case DamagedFile f -> f.path();
                    case Problem p -> p.subject();
                    default -> "";
                };
            }
        });
        ViewerColumns.add(tree, "Status", 150, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return switch (element) {
                    case DestinationState d ->
                        d.present() ? (d.problems().isEmpty() ? "" : "suspect") : "destination missing";
                    case ArchiveState a -> a.status().label;
                    case DamagedFile f -> "damaged";
                    case Problem p -> "problem";
                    default -> "";
                };
            }

            @Override
            public Color getForeground(Object element) {
                boolean bad = switch (element) {
                    case DestinationState d -> !d.present() || !d.problems().isEmpty();
                    case ArchiveState a -> a.damagedAtAll() || a.status() == ArchiveState.Status.MISSING;
                    case DamagedFile f -> true;
                    case Problem p -> true;
                    default -> false;
                };
                return bad ? getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null;
            }
        });
        ViewerColumns.add(tree, "Details", 420, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return switch (element) {
                    case DestinationState d ->
                        d.present()
                                ? d.archives().size() + (d.archives().size() == 1 ? " archive" : " archives")
                                : "not found — is the disk mounted?";
                    case ArchiveState a -> details(a);
                    case DamagedFile f ->
                        f.liveRoot()
                                .map(r -> "live copy: " + r.resolve(f.path()))
                                .orElse("");
                    case Problem p -> p.text();
                    default -> "";
                };
            }
        });
        tree.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object element) {
                List<Object> children = new ArrayList<>();
                if (element instanceof DestinationState d) {
                    d.problems().forEach(p -> children.add(new Problem(p)));
                    children.addAll(d.archives());
                } else if (element instanceof ArchiveState a) {
                    Optional<Path> live = a.source().or(() -> projectRoot());
                    a.damaged().forEach(f -> children.add(new DamagedFile(a, f, live)));
                    a.problems().forEach(p -> children.add(new Problem(p)));
                }
                return children.toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return getChildren(element).length > 0;
            }
        });
        // a damaged file: its live copy in the editor, and the archive's copy read out beside it
        tree.addDoubleClickListener(event -> {
            Object chosen = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (chosen instanceof DamagedFile f) {
                Path live = f.liveRoot().map(root -> root.resolve(f.path())).orElse(null);
                if (live != null && java.nio.file.Files.isRegularFile(live)) {
                    context.openFile(live);
                }
                Path archive = f.archive().archive();
                model.copyOf(context, archive, f.path(), copy -> {
                    if (!isDisposed()) {
                        lastCopyWindow = ArchiveCopyWindow.open(context, archive, f.path(), copy, live);
                    }
                });
            }
        });
        tree.addSelectionChangedListener(event -> {
            Object chosen = ((IStructuredSelection) event.getSelection()).getFirstElement();
            switch (chosen) {
                case DestinationState d -> model.select(Optional.of(d.destination()), Optional.empty());
                case ArchiveState a -> model.select(Optional.of(a.archive().getParent()), Optional.of(a.archive()));
                case DamagedFile f ->
                    model.select(
                            Optional.of(f.archive().archive().getParent()),
                            Optional.of(f.archive().archive()));
                case null, default -> model.select(Optional.empty(), Optional.empty());
            }
            updateRepair();
        });

        model.addListener(listener);
        addDisposeListener(e -> model.removeListener(listener));
        refresh();
    }

    private static String details(ArchiveState a) {
        Instant now = Instant.now();
        return switch (a.status()) {
            case VERIFIED -> "verified " + Ages.since(a.verified().orElseThrow(), now);
            case DAMAGED -> damage(a);
            case REPAIRABLE -> damage(a) + " — its repair data restores them: Repair";
            case UNVERIFIED -> "never read back and verified at this destination";
            case MISSING -> "recorded as good, but the archive is gone";
        };
    }

    private static String damage(ArchiveState a) {
        return a.damaged().isEmpty()
                ? String.join("; ", a.problems())
                : a.damaged().size() + " damaged: " + String.join(", ", a.damaged());
    }

    /** The selected archive, or the archive of the selected damaged file, if its repair data covers its damage. */
    Optional<ArchiveState> repairableSelection() {
        ArchiveState archive = switch (tree.getStructuredSelection().getFirstElement()) {
            case ArchiveState a -> a;
            case DamagedFile f -> f.archive();
            case null, default -> null;
        };
        return Optional.ofNullable(archive).filter(ArchiveState::repairable);
    }

    private void repairSelected() {
        repairableSelection().ifPresent(a -> model.repair(context, a.archive()));
    }

    private void updateRepair() {
        repair.setEnabled(model.running().isEmpty() && repairableSelection().isPresent());
    }

    private Optional<Path> projectRoot() {
        return context.project().map(p -> Path.of(p.getRoot()));
    }

    private Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private void addDestination() {
        DirectoryDialog dialog = new DirectoryDialog(getShell());
        dialog.setText("Add Backup Destination");
        String chosen = dialog.open();
        if (chosen != null) {
            try {
                model.addDestination(Path.of(chosen));
            } catch (IOException e) {
                context.showError("Could not remember the destination " + chosen, e);
            }
        }
    }

    /** Reads the destinations again and shows them, keeping what was expanded. */
    void refresh() {
        if (isDisposed()) {
            return;
        }
        List<DestinationState> states = model.snapshot();
        Object[] expanded = tree.getExpandedElements();
        tree.setInput(states);
        tree.expandToLevel(2);
        if (expanded.length > 0) {
            tree.expandAll();
        }
        BackupsModel.Health line = model.health(projectRoot(), states, Instant.now());
        health.setText((line.warning() ? "⚠ " : "✔ ") + line.text());
        lastWarning = line.warning();
        health.setForeground(getDisplay().getSystemColor(line.warning() ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GREEN));
        boolean busy = model.running().isPresent();
        cancel.setEnabled(busy);
        updateRepair();
        outcome.setText(busy ? model.runningName() + "…" : model.lastOutcome());
        progress.setSelection(0);
        if (busy && !timerRunning) {
            timerRunning = true;
            getDisplay().timerExec(100, this::tick);
        }
        layout(true, true);
    }

    /** Moves the progress bar while a job runs: by its fraction, or back and forth when it has none. */
    private void tick() {
        if (isDisposed()) {
            return;
        }
        Optional<JobHandle<?>> running = model.running();
        if (running.isEmpty()) {
            timerRunning = false;
            progress.setSelection(0);
            return;
        }
        JobStatus status = running.get().status();
        double fraction = status.fraction();
        int value = fraction >= 0 ? (int) (fraction * 100) : (progress.getSelection() + 7) % 100;
        progress.setSelection(value);
        if (!status.step().isEmpty()) {
            outcome.setText(model.runningName() + ": " + status.step());
        }
        getDisplay().timerExec(100, this::tick);
    }

    String healthText() {
        return health.getText();
    }

    boolean healthWarns() {
        return lastWarning;
    }

    TreeViewer tree() {
        return tree;
    }

    Button repairButton() {
        return repair;
    }

    /** The window last opened by double-clicking a damaged file, if any. */
    java.util.Optional<ArchiveCopyWindow> lastCopyWindow() {
        return java.util.Optional.ofNullable(lastCopyWindow)
                .filter(w -> !w.shell().isDisposed());
    }
}
