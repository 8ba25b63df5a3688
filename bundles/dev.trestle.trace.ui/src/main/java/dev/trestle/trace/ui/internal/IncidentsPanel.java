package dev.trestle.trace.ui.internal;

import dev.trestle.core.jobs.JobHandle;
import dev.trestle.trace.kernel.Incident;
import dev.trestle.trace.kernel.KernelLog;
import dev.trestle.trace.kernel.KernelLogParser;
import dev.trestle.workbench.WorkbenchContext;
import dev.trestle.workbench.widgets.ViewerColumns;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The Kernel Incidents view's widgets: the incidents of a log, and the frames and decoded bytes of the selected one. */
final class IncidentsPanel {
    private final WorkbenchContext context;
    private final Composite root;
    private final Label header;
    private final TableViewer incidents;
    private final Text details;
    private final FramesTable frames;
    private final InstructionsTable instructions;
    private JobHandle<KernelLog> running;

    IncidentsPanel(Composite parent, WorkbenchContext context) {
        this.context = context;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        header = new Label(root, SWT.NONE);
        header.setText("Open a kernel log with Trace > Open Trace Log…");
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        SashForm rows = new SashForm(root, SWT.VERTICAL);
        rows.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        incidents = new TableViewer(rows, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        incidents.getTable().setHeaderVisible(true);
        incidents.getTable().setLinesVisible(true);
        ViewerColumns.text(incidents, Incident.class, "Kind", 90, i -> i.kind().name());
        ViewerColumns.text(incidents, Incident.class, "Headline", 420, Incident::headline);
        ViewerColumns.text(incidents, Incident.class, "Process", 130, IncidentDetails::process);
        ViewerColumns.text(incidents, Incident.class, "Taint", 130, IncidentDetails::taint);
        ViewerColumns.number(
                incidents,
                Incident.class,
                "Frames",
                55,
                i -> Integer.toString(i.frames().size()));
        incidents.setContentProvider(ArrayContentProvider.getInstance());
        incidents.addSelectionChangedListener(e ->
                select(((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Incident i ? i : null));

        SashForm bottom = new SashForm(rows, SWT.HORIZONTAL);
        frames = new FramesTable(bottom);
        SashForm right = new SashForm(bottom, SWT.VERTICAL);
        details = new Text(right, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.WRAP);
        instructions = new InstructionsTable(right);
        right.setWeights(45, 55);
        bottom.setWeights(45, 55);
        rows.setWeights(28, 72);
        root.addDisposeListener(e -> {
            if (running != null) {
                running.cancel();
            }
        });
    }

    Composite control() {
        return root;
    }

    void open(Path file) {
        if (running != null) {
            running.cancel();
        }
        Tabs.reveal(root);
        header.setText("Reading " + file + "…");
        JobHandle<KernelLog> job = context.jobs().schedule("Read kernel log " + file.getFileName(), progress -> {
            progress.begin("Reading " + file.getFileName(), Files.size(file));
            try (var in = new InputStreamReader(
                    new IndexingStream(Files.newInputStream(file), null, progress), StandardCharsets.UTF_8)) {
                return KernelLogParser.parse(in);
            }
        });
        running = job;
        job.result()
                .whenComplete((log, failure) -> context.asyncExec(() -> {
                    if (!root.isDisposed() && running == job) {
                        running = null;
                        loaded(file, log, failure);
                    }
                }));
    }

    private void loaded(Path file, KernelLog log, Throwable failure) {
        if (failure != null) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            header.setText(
                    cause instanceof CancellationException
                            ? "Reading " + file + " was cancelled"
                            : "Could not read " + file);
            if (!(cause instanceof CancellationException)) {
                context.showError("Could not read the kernel log " + file, cause);
            }
            return;
        }
        header.setText(file.getFileName() + ": " + log.incidents().size() + " incident(s) in " + log.lines() + " lines"
                + (log.problems().isEmpty() ? "" : ", " + log.problems().size() + " line(s) not placed"));
        List<Incident> found = log.incidents();
        incidents.setInput(found);
        select(null);
        if (!found.isEmpty()) {
            incidents.getTable().setSelection(0);
            select(found.get(0));
        }
        context.project()
                .ifPresent(project ->
                        TraceAnnotations.replace(project, file, Findings.ofKernel(log, Path.of(project.getRoot()))));
    }

    private void select(Incident incident) {
        frames.viewer().setInput(incident == null ? List.of() : incident.frames());
        instructions.viewer().setInput(incident == null ? List.of() : InstructionRow.of(incident));
        details.setText(incident == null ? "" : IncidentDetails.text(incident));
    }

    Label header() {
        return header;
    }

    TableViewer incidents() {
        return incidents;
    }

    FramesTable frames() {
        return frames;
    }

    InstructionsTable instructions() {
        return instructions;
    }

    Text details() {
        return details;
    }
}
