package dev.trestle.editor.ui.internal;

import java.util.function.Function;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;

/** A table column whose cells are text taken from each row of type {@code T}: the result lists' one kind of column. */
final class TextColumns {
    private TextColumns() {}

    static <T> void add(TableViewer table, Class<T> rows, String title, int width, Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(rows.cast(element));
            }
        });
    }
}
