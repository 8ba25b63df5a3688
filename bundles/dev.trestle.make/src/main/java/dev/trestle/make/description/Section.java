package dev.trestle.make.description;

import dev.trestle.model.OperatingSystem;
import dev.trestle.model.TargetKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One {@code [kind name]} section while it is read. */
final class Section {
    private final String kind;
    private final String name;
    private final int line;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    private Section(String kind, String name, int line) {
        this.kind = kind;
        this.name = name;
        this.line = line;
    }

    static Section header(String text, Path file, int line, Set<String> targetKinds) throws DescriptionException {
        if (!text.endsWith("]")) {
            throw new DescriptionException(file, line, "expected ']' at the end of the section header: " + text);
        }
        String[] parts = text.substring(1, text.length() - 1).strip().split("\\s+");
        if (parts.length != 2
                || !(parts[0].equals("platform") || parts[0].equals("command") || targetKinds.contains(parts[0]))) {
            throw new DescriptionException(
                    file,
                    line,
                    "expected [KIND NAME] with KIND one of platform, command, program,"
                            + " static-library, shared-library; found: " + text);
        }
        if (!parts[1].matches("[A-Za-z0-9_.+-]+")) {
            throw new DescriptionException(
                    file, line, "expected a name of letters, digits and _.+- ; found: " + parts[1]);
        }
        return new Section(parts[0], parts[1], line);
    }

    String kind() {
        return kind;
    }

    String name() {
        return name;
    }

    int line() {
        return line;
    }

    void add(String key, List<String> list, Path file, int at) throws DescriptionException {
        List<String> allowed = switch (kind) {
            case "platform" -> DescriptionFormat.PLATFORM_KEYS;
            case "command" -> DescriptionFormat.COMMAND_KEYS;
            default -> DescriptionFormat.TARGET_KEYS;
        };
        if (!allowed.contains(key)) {
            throw new DescriptionException(
                    file,
                    at,
                    "unknown key '" + key + "' in [" + kind + " " + name + "]; expected one of "
                            + String.join(", ", allowed));
        }
        if (kind.equals("platform") && (list.size() != 1 || values.containsKey(key))) {
            throw new DescriptionException(file, at, "expected one value for '" + key + "' in [platform " + name + "]");
        }
        values.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list);
        lines.putIfAbsent(key, at);
    }

    PlatformSpec platform(Path file) throws DescriptionException {
        if (!values.containsKey("os")) {
            throw new DescriptionException(
                    file, line, "expected 'os = linux|macos|windows' in [platform " + name + "]");
        }
        OperatingSystem os = DescriptionFormat.os(values.get("os").get(0), file, lines.get("os"));
        return new PlatformSpec(name, os, single("compiler"), single("triple"));
    }

    CommandSpec command(Path file) throws DescriptionException {
        for (String key : List.of("outputs", "run")) {
            if (list(key).isEmpty()) {
                throw new DescriptionException(
                        file, line, "expected '" + key + " = ...' with at least one value in [command " + name + "]");
            }
        }
        for (String output : list("outputs")) {
            if (output.startsWith("/")
                    || java.util.Arrays.asList(output.split("/")).contains("..")) {
                throw new DescriptionException(
                        file,
                        lines.get("outputs"),
                        "expected an output relative to the build directory's gen/, without '..'; found: " + output);
            }
        }
        return new CommandSpec(name, list("outputs"), list("inputs"), list("run"));
    }

    TargetSpec target(TargetKind targetKind) {
        return new TargetSpec(
                name,
                targetKind,
                list("sources"),
                list("exclude"),
                list("include"),
                list("define"),
                list("flags"),
                list("link-flags"),
                list("libs"),
                list("platforms"));
    }

    private String single(String key) {
        return values.containsKey(key) ? values.get(key).get(0) : null;
    }

    private List<String> list(String key) {
        return values.getOrDefault(key, List.of());
    }
}
