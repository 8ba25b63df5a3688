package dev.trestle.trace.ui.internal;

import dev.trestle.trace.kernel.Frame;
import dev.trestle.trace.kernel.Reliability;
import dev.trestle.workbench.widgets.ViewerColumns;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;

/**
 * The call trace of an incident. Frames the unwinder did not follow are greyed and marked, so the eye runs down the
 * reliable chain; the tooltip says why a frame is doubtful.
 */
final class FramesTable {
    private final TableViewer viewer;
    private final Color doubtful;

    FramesTable(Composite parent) {
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        // a fixed grey: a theme's "disabled" colour can be as dark as the text
        doubtful = new Color(0x8a, 0x8a, 0x8a);
        column("", 28, FramesTable::mark);
        column("Frame", 260, f -> f.symbol().orElse(f.function()));
        column("Module", 90, f -> f.module().orElse(""));
        column("Stack", 55, Frame::stack);
        column(
                "Reliability",
                130,
                f -> f.grade().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        column("Line", 50, f -> Integer.toString(f.line()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
    }

    TableViewer viewer() {
        return viewer;
    }

    /** A double-clicked frame goes to {@code open}: to its function's source, where the project has it. */
    void onOpen(java.util.function.Consumer<Frame> open) {
        viewer.addDoubleClickListener(event -> {
            if (((org.eclipse.jface.viewers.IStructuredSelection) event.getSelection()).getFirstElement()
                    instanceof Frame frame) {
                open.accept(frame);
            }
        });
    }

    /** The sign a doubtful frame carries; the kernel itself prints {@code ?} before guessed ones. */
    static String mark(Frame frame) {
        return switch (frame.grade()) {
            case RELIABLE -> "";
            case GUESSED -> "?";
            case AFTER_STACK_SWITCH -> "»";
            case UNSYMBOLISED -> "!";
        };
    }

    private void column(String title, int width, Function<Frame, String> text) {
        ViewerColumns.add(viewer, title, width, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof Frame frame ? text.apply(frame) : "";
            }

            @Override
            public Color getForeground(Object element) {
                return element instanceof Frame frame && frame.grade() != Reliability.RELIABLE ? doubtful : null;
            }

            @Override
            public String getToolTipText(Object element) {
                return element instanceof Frame frame ? frame.reason() : null;
            }
        });
    }
}
