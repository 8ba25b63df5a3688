package dev.trestle.trace.ui.internal;

import dev.trestle.workbench.widgets.ViewerColumns;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * The events of a log in a virtual table: SWT asks for the rows it is about to paint and only those get an item with
 * text, so the table of a ten-million-event trace holds a screenful of items. Rows map to event indices through the
 * filter's {@link FilteredRows}, which this table owns and closes, or directly when nothing is filtered.
 */
final class EventsTable {
    private final Table table;
    private final Color failed;
    private EventTable events;
    private LineReader lines;
    private FilteredRows rows;
    private long materialised;

    EventsTable(Composite parent) {
        table = new Table(parent, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        ViewerColumns.plain(table, "Line", 70, SWT.RIGHT);
        ViewerColumns.plain(table, "Time", 128, SWT.LEFT);
        ViewerColumns.plain(table, "PID", 60, SWT.RIGHT);
        ViewerColumns.plain(table, "Syscall", 110, SWT.LEFT);
        ViewerColumns.plain(table, "Arguments", 280, SWT.LEFT);
        ViewerColumns.plain(table, "Result", 150, SWT.LEFT);
        ViewerColumns.plain(table, "Duration", 80, SWT.RIGHT);
        failed = new Color(0xb0, 0x10, 0x10);
        table.addListener(SWT.SetData, this::fill);
        table.addListener(SWT.Dispose, e -> closeRows());
    }

    Table table() {
        return table;
    }

    /** How many rows got their text so far: the test of virtualness. */
    long materialised() {
        return materialised;
    }

    void show(EventTable shown, LineReader reader) {
        events = shown;
        lines = reader;
        setRows(null);
    }

    /** {@code null} shows every event; the rows shown before are closed. */
    void setRows(FilteredRows matching) {
        if (matching != rows) {
            closeRows();
        }
        rows = matching;
        int count = shownCount();
        if (count < table.getItemCount()) {
            // Shrinking the count removes the rows past it one at a time, asking for the data of each: minutes
            // for a million. Emptying the table first is one call.
            table.removeAll();
        } else {
            table.clearAll();
        }
        table.setItemCount(count);
    }

    /** How many rows the events and the filter make, which the table's item count follows. */
    private int shownCount() {
        return events == null ? 0 : rows == null ? events.size() : rows.size();
    }

    /** The filter's rows shown, or null. */
    FilteredRows rows() {
        return rows;
    }

    private void closeRows() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }

    int rowCount() {
        return table.getItemCount();
    }

    int eventAt(int row) {
        return rows == null ? row : rows.event(row);
    }

    /** Selects the first shown event at or after {@code micros}; false if there is none. */
    boolean revealTime(long micros) {
        for (int row = 0; row < rowCount(); row++) {
            if (events.time(eventAt(row)) >= micros) {
                select(row);
                return true;
            }
        }
        return false;
    }

    /** Selects the row of event {@code index}, or the nearest shown one after it; false if none is shown. */
    boolean revealEvent(int index) {
        if (events == null) {
            return false;
        }
        int row = rows == null ? index : rows.rowOf(index);
        if (row < 0) {
            row = -row - 1;
        }
        if (row >= rowCount()) {
            return false;
        }
        select(row);
        return true;
    }

    /** Selects the shown event that starts on {@code line}; false if it is filtered out. */
    boolean revealLine(long line) {
        for (int row = 0; row < rowCount(); row++) {
            if (events.line(eventAt(row)) == line) {
                select(row);
                return true;
            }
        }
        return false;
    }

    private void select(int row) {
        table.setSelection(row);
        table.showSelection();
    }

    private void fill(Event event) {
        if (event.index >= shownCount()) {
            return; // a row being removed while the count shrinks
        }
        TableItem item = (TableItem) event.item;
        int index = eventAt(event.index);
        item.setText(RowText.of(events, index, lines));
        if (events.errnoCode(index) != Interner.NONE) {
            item.setForeground(failed);
        }
        materialised++;
    }
}
