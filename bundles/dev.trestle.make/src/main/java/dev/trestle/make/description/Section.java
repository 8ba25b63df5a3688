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
    /** By platform, in the order of their first line: the keys given for that platform only. */
    private final Map<String, Map<String, List<String>>> variants = new LinkedHashMap<>();

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
        String[] words = key.split("\\s+");
        if (words.length == 3 && words[1].equals("on")) {
            addVariant(words[0], words[2], list, file, at);
            return;
        }
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
        boolean single = kind.equals("platform") || key.equals("version");
        if (single && (list.size() != 1 || values.containsKey(key))) {
            throw new DescriptionException(
                    file, at, "expected one value for '" + key + "' in [" + kind + " " + name + "]");
        }
        if (key.equals("version")) {
            if (!kind.equals("shared-library")) {
                throw new DescriptionException(
                        file, at, "'version' is for a shared-library; [" + kind + " " + name + "] has none");
            }
            if (!list.get(0).matches("\\d{1,9}(\\.\\d{1,9}){0,2}")) {
                throw new DescriptionException(
                        file, at, "expected version = MAJOR[.MINOR[.PATCH]] (digits), found: " + list.get(0));
            }
        }
        values.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list);
        lines.putIfAbsent(key, at);
    }

    /** {@code KEY on PLATFORM = ...}: a target's setting for one platform. */
    private void addVariant(String key, String platform, List<String> list, Path file, int at)
            throws DescriptionException {
        if (kind.equals("platform") || kind.equals("command")) {
            throw new DescriptionException(
                    file, at, "'" + key + " on " + platform + "' is for targets, not [" + kind + " " + name + "]");
        }
        if (!DescriptionFormat.VARIANT_KEYS.contains(key)) {
            throw new DescriptionException(
                    file,
                    at,
                    "unknown key '" + key + "' before 'on " + platform + "' in [" + kind + " " + name
                            + "]; expected one of " + String.join(", ", DescriptionFormat.VARIANT_KEYS));
        }
        if (!platform.matches("[A-Za-z0-9_.+-]+")) {
            throw new DescriptionException(
                    file, at, "expected a platform name of letters, digits and _.+- after 'on'; found: " + platform);
        }
        variants.computeIfAbsent(platform, p -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new ArrayList<>())
                .addAll(list);
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
                list("platforms"),
                single("version"),
                variants());
    }

    private List<TargetVariant> variants() {
        List<TargetVariant> result = new ArrayList<>();
        variants.forEach((platform, keys) -> result.add(new TargetVariant(
                platform,
                keys.getOrDefault("sources", List.of()),
                keys.getOrDefault("exclude", List.of()),
                keys.getOrDefault("include", List.of()),
                keys.getOrDefault("define", List.of()),
                keys.getOrDefault("flags", List.of()),
                keys.getOrDefault("link-flags", List.of()),
                keys.getOrDefault("libs", List.of()))));
        return result;
    }

    private String single(String key) {
        return values.containsKey(key) ? values.get(key).get(0) : null;
    }

    private List<String> list(String key) {
        return values.getOrDefault(key, List.of());
    }
}
