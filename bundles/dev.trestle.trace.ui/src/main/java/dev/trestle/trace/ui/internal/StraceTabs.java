package dev.trestle.trace.ui.internal;

import dev.trestle.trace.strace.FileActivity.FileUsage;
import dev.trestle.trace.strace.SyscallEvent;
import dev.trestle.trace.strace.SyscallSummary.Row;
import dev.trestle.workbench.widgets.ViewerColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** The analyses beside the events: the strace -c summary, the process tree, files touched and the slowest calls. */
final class StraceTabs {
    private final CTabFolder folder;
    private final TableViewer summary;
    private final ProcessTreeViewer processes;
    private final TableViewer files;
    private final TableViewer slowest;

    StraceTabs(Composite parent, LongConsumer revealLine, java.util.function.Consumer<java.nio.file.Path> openFile) {
        folder = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
        summary = table();
        // name and counts first: they are what a narrow pane must still show
        ViewerColumns.text(summary, Row.class, "syscall", 120, Row::syscall);
        ViewerColumns.number(summary, Row.class, "calls", 60, r -> Long.toString(r.calls()));
        ViewerColumns.number(summary, Row.class, "errors", 55, r -> r.errors() == 0 ? "" : Long.toString(r.errors()));
        ViewerColumns.number(
                summary, Row.class, "% time", 60, r -> String.format(Locale.ROOT, "%.2f", r.percentTime()));
        ViewerColumns.number(summary, Row.class, "seconds", 75, r -> Formats.seconds(r.totalMicros()));
        ViewerColumns.number(summary, Row.class, "usecs/call", 75, r -> Long.toString(r.microsPerCall()));
        tab("Summary", summary.getControl());

        processes = new ProcessTreeViewer(folder);
        tab("Processes", processes.viewer().getControl());

        files = table();
        ViewerColumns.text(files, FileUsage.class, "Path", 260, FileUsage::path);
        ViewerColumns.number(files, FileUsage.class, "Calls", 50, f -> Long.toString(f.calls()));
        ViewerColumns.number(
                files, FileUsage.class, "Failed", 50, f -> f.failures() == 0 ? "" : Long.toString(f.failures()));
        ViewerColumns.text(files, FileUsage.class, "Errors", 90, f -> String.join(" ", f.errnos()));
        ViewerColumns.number(files, FileUsage.class, "Read", 70, f -> Long.toString(f.bytesRead()));
        ViewerColumns.number(files, FileUsage.class, "Written", 70, f -> Long.toString(f.bytesWritten()));
        tab("Files", files.getControl());
        // a file the traced program touched opens in the editor, when it is a file one can read
        files.addDoubleClickListener(event -> {
            if (((org.eclipse.jface.viewers.IStructuredSelection) event.getSelection()).getFirstElement()
                    instanceof FileUsage usage) {
                try {
                    java.nio.file.Path path = java.nio.file.Path.of(usage.path());
                    if (path.isAbsolute() && java.nio.file.Files.isRegularFile(path)) {
                        openFile.accept(path);
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // strace printed something that is no path here (an abstract socket, a truncated string)
                }
            }
        });

        slowest = table();
        ViewerColumns.number(slowest, SyscallEvent.class, "Duration", 80, c -> Formats.duration(c.durationMicros()));
        ViewerColumns.text(slowest, SyscallEvent.class, "Syscall", 90, SyscallEvent::name);
        ViewerColumns.number(slowest, SyscallEvent.class, "PID", 60, c -> Integer.toString(c.pid()));
        ViewerColumns.number(slowest, SyscallEvent.class, "Line", 60, c -> Long.toString(c.lineNumber()));
        ViewerColumns.text(slowest, SyscallEvent.class, "Arguments", 220, c -> Formats.truncate(c.arguments(), 100));
        // a slow call is only interesting in its context: show it among its neighbours
        slowest.addDoubleClickListener(e -> {
            if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof SyscallEvent call) {
                revealLine.accept(call.lineNumber());
            }
        });
        tab("Slowest", slowest.getControl());
        folder.setSelection(0);
    }

    private TableViewer table() {
        TableViewer viewer = new TableViewer(folder, SWT.BORDER | SWT.FULL_SELECTION);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    private void tab(String title, Control control) {
        CTabItem item = new CTabItem(folder, SWT.NONE);
        item.setText(title);
        item.setControl(control);
    }

    Control control() {
        return folder;
    }

    TableViewer summary() {
        return summary;
    }

    ProcessTreeViewer processes() {
        return processes;
    }

    TableViewer files() {
        return files;
    }

    TableViewer slowest() {
        return slowest;
    }

    void show(StraceAnalysis analysis) {
        List<Row> rows = new ArrayList<>(analysis.summary().rows());
        rows.add(analysis.summary().total());
        summary.setInput(rows);
        processes.show(analysis.tree().processes());
        files.setInput(analysis.files().files());
        slowest.setInput(analysis.slowest().calls());
    }
}
