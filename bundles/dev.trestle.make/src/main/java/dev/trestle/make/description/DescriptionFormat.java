package dev.trestle.make.description;

import dev.trestle.model.OperatingSystem;
import dev.trestle.model.TargetKind;
import dev.trestle.model.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads and writes the description file; the format is documented on the package. */
public final class DescriptionFormat {
    public static final String FILE_NAME = "trestle-build.txt";

    static final List<String> TARGET_KEYS =
            List.of("sources", "exclude", "include", "define", "flags", "link-flags", "libs", "platforms", "version");
    /** The target keys that may be given for one platform only: {@code KEY on PLATFORM = ...}. */
    static final List<String> VARIANT_KEYS =
            List.of("sources", "exclude", "include", "define", "flags", "link-flags", "libs");

    static final List<String> PLATFORM_KEYS = List.of("os", "compiler", "triple");
    static final List<String> COMMAND_KEYS = List.of("outputs", "inputs", "run");
    private static final Map<String, TargetKind> KINDS = Map.of(
            "program", TargetKind.PROGRAM,
            "static-library", TargetKind.STATIC_LIBRARY,
            "shared-library", TargetKind.SHARED_LIBRARY);

    private DescriptionFormat() {}

    public static Path fileOf(Path root) {
        return root.resolve(FILE_NAME);
    }

    /** The platform built in {@code root} when none is named: {@link BuildDescription#defaultPlatform()}. */
    public static String defaultPlatform(Path root) throws IOException {
        Path file = fileOf(root);
        return Files.exists(file)
                ? read(file).defaultPlatform()
                : PlatformSpec.linuxGcc().name();
    }

    public static BuildDescription read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file);
    }

    /** Writes atomically: a crash leaves the old description or the new one, never half of it. */
    public static void save(Path file, BuildDescription description) throws IOException {
        byte[] bytes = format(description).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public static BuildDescription parse(String text, Path file) throws DescriptionException {
        String project = null;
        List<PlatformSpec> platforms = new ArrayList<>();
        List<TargetSpec> targets = new ArrayList<>();
        List<CommandSpec> commands = new ArrayList<>();
        Section section = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                finish(section, platforms, targets, commands, file);
                section = Section.header(line, file, number, KINDS.keySet());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new DescriptionException(file, number, "expected 'key = value' or '[kind name]', found: " + line);
            }
            String key = line.substring(0, eq).strip();
            List<String> values = Values.split(line.substring(eq + 1), file, number);
            if (section == null) {
                if (!key.equals("project") || values.size() != 1) {
                    throw new DescriptionException(file, number, "expected 'project = NAME' before the first section");
                }
                project = values.get(0);
            } else {
                section.add(key, values, file, number);
            }
        }
        finish(section, platforms, targets, commands, file);
        if (project == null) {
            throw new DescriptionException(file, 1, "expected 'project = NAME'");
        }
        return new BuildDescription(project, platforms, targets, commands);
    }

    private static void finish(
            Section section,
            List<PlatformSpec> platforms,
            List<TargetSpec> targets,
            List<CommandSpec> commands,
            Path file)
            throws DescriptionException {
        if (section == null) {
            return;
        }
        if (section.kind().equals("platform")) {
            if (platforms.stream().anyMatch(p -> p.name().equals(section.name()))) {
                throw new DescriptionException(
                        file, section.line(), "platform '" + section.name() + "' is defined twice");
            }
            platforms.add(section.platform(file));
        } else if (section.kind().equals("command")) {
            if (commands.stream().anyMatch(c -> c.name().equals(section.name()))) {
                throw new DescriptionException(
                        file, section.line(), "command '" + section.name() + "' is defined twice");
            }
            CommandSpec command = section.command(file);
            for (String output : command.outputs()) {
                if (commands.stream().anyMatch(c -> c.outputs().contains(output))) {
                    throw new DescriptionException(
                            file,
                            section.line(),
                            "output '" + output + "' of command '" + section.name()
                                    + "' is also an output of an earlier command");
                }
            }
            commands.add(command);
        } else {
            if (targets.stream().anyMatch(t -> t.name().equals(section.name()))) {
                throw new DescriptionException(
                        file, section.line(), "target '" + section.name() + "' is defined twice");
            }
            targets.add(section.target(KINDS.get(section.kind())));
        }
    }

    public static String format(BuildDescription description) {
        StringBuilder out = new StringBuilder();
        out.append("# Build description for Trestle: edit freely; 'trestle make generate' turns it into a makefile.\n");
        out.append("project = ")
                .append(Values.join(List.of(description.project())))
                .append('\n');
        for (PlatformSpec platform : description.platforms()) {
            out.append("\n[platform ").append(platform.name()).append("]\n");
            out.append("os = ").append(platform.os().getLiteral()).append('\n');
            line(out, "compiler", platform.compiler() == null ? List.of() : List.of(platform.compiler()));
            line(out, "triple", platform.triple() == null ? List.of() : List.of(platform.triple()));
        }
        for (CommandSpec command : description.commands()) {
            out.append("\n[command ").append(command.name()).append("]\n");
            line(out, "outputs", command.outputs());
            line(out, "inputs", command.inputs());
            line(out, "run", command.run());
        }
        for (TargetSpec target : description.targets()) {
            String kind = KINDS.entrySet().stream()
                    .filter(e -> e.getValue() == target.kind())
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
            out.append("\n[").append(kind).append(' ').append(target.name()).append("]\n");
            Map<String, List<String>> keys = new LinkedHashMap<>();
            keys.put("sources", target.sources());
            keys.put("exclude", target.excludes());
            keys.put("include", target.includeDirs());
            keys.put("define", target.defines());
            keys.put("flags", target.flags());
            keys.put("link-flags", target.linkFlags());
            keys.put("libs", target.libraries());
            keys.put("platforms", target.platforms());
            keys.put("version", target.version() == null ? List.of() : List.of(target.version()));
            keys.forEach((key, values) -> line(out, key, values));
            for (TargetVariant variant : target.variants()) {
                Map<String, List<String>> added = new LinkedHashMap<>();
                added.put("sources", variant.sources());
                added.put("exclude", variant.excludes());
                added.put("include", variant.includeDirs());
                added.put("define", variant.defines());
                added.put("flags", variant.flags());
                added.put("link-flags", variant.linkFlags());
                added.put("libs", variant.libraries());
                added.forEach((key, values) -> line(out, key + " on " + variant.platform(), values));
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, List<String> values) {
        if (!values.isEmpty()) {
            out.append(key).append(" = ").append(Values.join(values)).append('\n');
        }
    }

    static OperatingSystem os(String text, Path file, int line) throws DescriptionException {
        OperatingSystem os = OperatingSystem.get(text.toLowerCase(Locale.ROOT));
        if (os == null) {
            throw new DescriptionException(file, line, "expected os = linux, macos or windows, found: " + text);
        }
        return os;
    }
}
