package dev.trestle.trace.ui.internal;

import dev.trestle.trace.strace.ProcessTree.Process;
import dev.trestle.trace.strace.StraceEvent;
import dev.trestle.workbench.widgets.ViewerColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** Who started whom, as a tree: pid, programs executed, how it ended and how long it lived. */
final class ProcessTreeViewer {
    private final TreeViewer viewer;

    ProcessTreeViewer(Composite parent) {
        viewer = new TreeViewer(parent, SWT.BORDER | SWT.FULL_SELECTION);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        ViewerColumns.number(viewer, Process.class, "PID", 110, p -> p.pid() + (p.thread() ? " (thread)" : ""));
        ViewerColumns.text(viewer, Process.class, "Programs", 260, p -> String.join(" → ", p.programs()));
        ViewerColumns.text(viewer, Process.class, "Exit", 110, ProcessTreeViewer::exit);
        ViewerColumns.number(viewer, Process.class, "Duration", 90, ProcessTreeViewer::lifetime);
        viewer.setContentProvider(new Content());
    }

    TreeViewer viewer() {
        return viewer;
    }

    void show(List<Process> processes) {
        viewer.setInput(processes);
        viewer.expandToLevel(3);
    }

    private static String exit(Process p) {
        if (p.killedBy() != null) {
            return "killed by " + p.killedBy();
        }
        return p.exitStatus() >= 0 ? "exited " + p.exitStatus() : "";
    }

    private static String lifetime(Process p) {
        return p.startMicros() == StraceEvent.NO_TIME ? "" : Formats.seconds(p.endMicros() - p.startMicros());
    }

    /** The processes come parents first; children are grouped by parent once per input. */
    private static final class Content implements ITreeContentProvider {
        private final Map<Integer, List<Process>> children = new HashMap<>();
        private final List<Process> roots = new ArrayList<>();

        @Override
        public void inputChanged(Viewer viewer, Object oldInput, Object newInput) {
            children.clear();
            roots.clear();
            if (newInput instanceof List<?> list) {
                Set<Integer> pids = new HashSet<>();
                for (Object o : list) {
                    if (o instanceof Process p) {
                        pids.add(p.pid());
                    }
                }
                for (Object o : list) {
                    if (o instanceof Process p) {
                        if (pids.contains(p.parentPid()) && p.parentPid() != p.pid()) {
                            children.computeIfAbsent(p.parentPid(), k -> new ArrayList<>())
                                    .add(p);
                        } else {
                            roots.add(p);
                        }
                    }
                }
            }
        }

        @Override
        public Object[] getElements(Object input) {
            return roots.toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof Process p
                    ? children.getOrDefault(p.pid(), List.of()).toArray()
                    : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Process p && children.containsKey(p.pid());
        }
    }
}
