package dev.trestle.backup.internal;

import dev.trestle.core.command.JsonText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough JSON for the commands' {@code --json} answers: objects, arrays, strings, numbers, booleans, null. */
final class Json {
    private Json() {}

    /** An object whose keys keep the order they were put in. */
    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (var entry : map.entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    out.append(JsonText.quote(entry.getKey().toString()));
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(list.get(i), out);
                }
                out.append(']');
            }
            default -> out.append(JsonText.quote(value.toString()));
        }
    }
}
