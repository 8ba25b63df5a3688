package dev.trestle.trace.ui.internal;

import dev.trestle.workbench.widgets.ViewerColumns;
import java.util.function.Function;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;

/** Decoded instruction bytes, in a monospace font, with the trapping instruction marked and bold. */
final class InstructionsTable {
    static final String TRAP_MARK = "=>";

    private final TableViewer viewer;
    private final Font bold = JFaceResources.getFontRegistry().getBold(JFaceResources.TEXT_FONT);
    private final Color trap;

    InstructionsTable(Composite parent) {
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setFont(JFaceResources.getTextFont());
        trap = new Color(0xb0, 0x10, 0x10);
        column("", 28, r -> r.trap() ? TRAP_MARK : "");
        // the decoded text first: where the bytes came from is context, read once per group
        column("Instruction", 230, InstructionRow::text);
        column("Bytes", 150, InstructionRow::bytes);
        column("Address", 130, InstructionRow::address);
        column("Bytes of", 300, InstructionRow::source);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
    }

    TableViewer viewer() {
        return viewer;
    }

    private void column(String title, int width, Function<InstructionRow, String> text) {
        ViewerColumns.add(viewer, title, width, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof InstructionRow row ? text.apply(row) : "";
            }

            @Override
            public Font getFont(Object element) {
                return element instanceof InstructionRow row && row.trap() ? bold : null;
            }

            @Override
            public Color getForeground(Object element) {
                return element instanceof InstructionRow row && row.trap() ? trap : null;
            }
        });
    }
}
