package dev.trestle.trace.ui.internal;

import java.util.function.Function;
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

/** Text columns for JFace viewers whose rows are records, typed so the label providers need no casts. */
final class Columns {
    private Columns() {}

    static <T> ViewerColumn text(
            ColumnViewer viewer, Class<T> type, String title, int width, Function<? super T, String> text) {
        return text(viewer, type, title, width, SWT.LEFT, text);
    }

    static <T> ViewerColumn number(
            ColumnViewer viewer, Class<T> type, String title, int width, Function<? super T, String> text) {
        return text(viewer, type, title, width, SWT.RIGHT, text);
    }

    private static <T> ViewerColumn text(
            ColumnViewer viewer, Class<T> type, String title, int width, int align, Function<? super T, String> text) {
        ViewerColumn column;
        if (viewer instanceof TreeViewer tree) {
            TreeViewerColumn c = new TreeViewerColumn(tree, align);
            TreeColumn widget = c.getColumn();
            widget.setText(title);
            widget.setWidth(width);
            widget.setMoveable(true);
            column = c;
        } else {
            TableViewerColumn c = new TableViewerColumn((TableViewer) viewer, align);
            TableColumn widget = c.getColumn();
            widget.setText(title);
            widget.setWidth(width);
            widget.setMoveable(true);
            column = c;
        }
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return type.isInstance(element) ? text.apply(type.cast(element)) : "";
            }
        });
        return column;
    }

    /** A plain SWT column, for the virtual table that has no viewer. */
    static void plain(Table table, String title, int width, int align) {
        TableColumn column = new TableColumn(table, align);
        column.setText(title);
        column.setWidth(width);
        column.setMoveable(true);
    }
}
