package dev.trestle.cli.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {
    private static Fields of(String text) {
        return new Fields(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void fieldsEndAtNulAndKeepEveryOtherByte() throws IOException {
        Fields fields = of("run\0" + "3\0a b\0\"$x\"\n'y'\0\0" + "é\0");

        assertEquals("run", fields.next());
        assertEquals(List.of("a b", "\"$x\"\n'y'", ""), fields.list());
        assertEquals("é", fields.next());
    }

    @Test
    void aCutRequestOrABadCountIsAnError() {
        assertThrows(EOFException.class, () -> of("run").next());
        assertThrows(IOException.class, () -> of("x\0").list());
        assertThrows(IOException.class, () -> of("-1\0").list());
        assertThrows(EOFException.class, () -> of("2\0one\0").list());
    }
}
