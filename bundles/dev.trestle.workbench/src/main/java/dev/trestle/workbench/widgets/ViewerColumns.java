package dev.trestle.workbench.widgets;

import java.util.Objects;
import java.util.function.Function;
import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.viewers.ViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TreeColumn;

/**
 * The columns of the workbench's tables and trees: titled, sized, and movable by dragging their header, the same
 * in every view. Display thread only.
 */
public final class ViewerColumns {
    private ViewerColumns() {}

    /** A column of a table or tree viewer whose cells {@code labels} draws. */
    public static ViewerColumn add(ColumnViewer viewer, String title, int width, int align, CellLabelProvider labels) {
        ViewerColumn column;
        if (viewer instanceof TreeViewer tree) {
            TreeViewerColumn c = new TreeViewerColumn(tree, align);
            TreeColumn widget = c.getColumn();
            widget.setWidth(width);
            widget.setMoveable(true);
            widget.setText(title);
            column = c;
        } else {
            TableViewerColumn c = new TableViewerColumn((TableViewer) viewer, align);
            TableColumn widget = c.getColumn();
            widget.setWidth(width);
            widget.setMoveable(true);
            widget.setText(title);
            column = c;
        }
        column.setLabelProvider(labels);
        return column;
    }

    /** A left-aligned column of text taken from each row of type {@code T}; other rows, and no text, show nothing. */
    public static <T> ViewerColumn text(
            ColumnViewer viewer, Class<T> rows, String title, int width, Function<? super T, String> text) {
        return add(viewer, title, width, SWT.LEFT, labels(rows, text));
    }

    /** As {@link #text}, right-aligned, for numbers. */
    public static <T> ViewerColumn number(
            ColumnViewer viewer, Class<T> rows, String title, int width, Function<? super T, String> text) {
        return add(viewer, title, width, SWT.RIGHT, labels(rows, text));
    }

    /** A column of a plain SWT table, for a virtual table that has no viewer. */
    public static void plain(Table table, String title, int width, int align) {
        TableColumn column = new TableColumn(table, align);
        column.setWidth(width);
        column.setMoveable(true);
        column.setText(title);
    }

    private static <T> ColumnLabelProvider labels(Class<T> rows, Function<? super T, String> text) {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return rows.isInstance(element) ? Objects.toString(text.apply(rows.cast(element)), "") : "";
            }
        };
    }
}
