package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.workbench.widgets.ViewerColumns;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

class ViewerColumnsSwtTest {
    private record Row(String name, String size) {}

    @Test
    void tableAndTreeColumnsShowEachRowsTextAndNothingForOtherRowsOrNoText() {
        Shell shell = new Shell(Display.getDefault());
        try {
            shell.setLayout(new FillLayout());
            TableViewer table = new TableViewer(shell, SWT.BORDER);
            ViewerColumns.text(table, Row.class, "Name", 120, Row::name);
            ViewerColumns.number(table, Row.class, "Size", 60, Row::size);
            table.setContentProvider(ArrayContentProvider.getInstance());
            table.setInput(List.of(new Row("a.c", "12"), new Row(null, "3"), "not a row"));

            assertEquals("Name", table.getTable().getColumn(0).getText());
            assertEquals(120, table.getTable().getColumn(0).getWidth());
            assertEquals(SWT.RIGHT, table.getTable().getColumn(1).getAlignment());
            assertTrue(table.getTable().getColumn(0).getMoveable());
            assertEquals("a.c", table.getTable().getItem(0).getText(0));
            assertEquals("12", table.getTable().getItem(0).getText(1));
            assertEquals("", table.getTable().getItem(1).getText(0), "no text is an empty cell");
            assertEquals("", table.getTable().getItem(2).getText(0), "a row of another type shows nothing");

            TreeViewer tree = new TreeViewer(shell, SWT.BORDER);
            ViewerColumns.text(tree, Row.class, "Name", 100, Row::name);
            tree.setContentProvider(new ITreeContentProvider() {
                @Override
                public Object[] getElements(Object input) {
                    return ((List<?>) input).toArray();
                }

                @Override
                public Object[] getChildren(Object parent) {
                    return new Object[0];
                }

                @Override
                public Object getParent(Object element) {
                    return null;
                }

                @Override
                public boolean hasChildren(Object element) {
                    return false;
                }
            });
            tree.setInput(Arrays.asList(new Row("lib", "")));
            assertEquals("Name", tree.getTree().getColumn(0).getText());
            assertEquals("lib", tree.getTree().getItem(0).getText(0));
        } finally {
            shell.dispose();
        }
    }
}
