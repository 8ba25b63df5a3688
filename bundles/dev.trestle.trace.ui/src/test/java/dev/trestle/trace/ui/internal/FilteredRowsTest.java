package dev.trestle.trace.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilteredRowsTest {
    @TempDir
    Path state;

    private String before;

    @BeforeEach
    void stateDirectory() {
        before = System.getProperty(EventTable.STATE_DIR_PROPERTY);
        System.setProperty(EventTable.STATE_DIR_PROPERTY, state.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(EventTable.STATE_DIR_PROPERTY);
        } else {
            System.setProperty(EventTable.STATE_DIR_PROPERTY, before);
        }
    }

    @Test
    void threeMillionRowsLiveInTheFileAndAreFoundBackByRowAndByEvent() throws Exception {
        int count = 3_000_000;
        FilteredRows rows = new FilteredRows();
        for (int i = 0; i < count; i++) {
            rows.add(3 * i + 1);
        }
        rows.finish();
        Path file = rows.file();
        assertTrue(file.startsWith(state), file.toString());
        // every index is on disk, four bytes each: none of them is on the heap
        assertEquals(4L * count, Files.size(file));
        assertEquals(count, rows.size());
        assertEquals(1, rows.event(0));
        assertEquals(3 * 1_234_567 + 1, rows.event(1_234_567));
        assertEquals(3 * (count - 1) + 1, rows.event(count - 1));
        assertEquals(1_234_567, rows.rowOf(3 * 1_234_567 + 1));
        // an event that did not pass: where it would be, as Arrays.binarySearch says
        assertEquals(-(1_234_568) - 1, rows.rowOf(3 * 1_234_567 + 2));
        assertEquals(-1, rows.rowOf(0));
        assertEquals(-count - 1, rows.rowOf(Integer.MAX_VALUE));
        rows.close();
        assertFalse(Files.exists(file), "closing deletes the file");
        assertThrows(IllegalStateException.class, () -> rows.event(0));
    }

    @Test
    void noRowsAtAllAndRowsOutOfOrderAreRefused() throws Exception {
        try (FilteredRows rows = new FilteredRows()) {
            rows.finish();
            assertEquals(0, rows.size());
            assertEquals(-1, rows.rowOf(5));
        }
        try (FilteredRows rows = new FilteredRows()) {
            rows.add(7);
            assertThrows(IllegalArgumentException.class, () -> rows.add(7));
            assertThrows(IllegalStateException.class, () -> rows.event(0), "not readable before finish");
        }
        try (var files = Files.list(state)) {
            assertEquals(0, files.count(), "every file was deleted");
        }
    }
}
