package dev.trestle.make.description;

import java.util.List;
import java.util.Optional;

/** A whole description: the project's name, its platforms, its targets and its custom commands, in file order. */
public record BuildDescription(
        String project, List<PlatformSpec> platforms, List<TargetSpec> targets, List<CommandSpec> commands) {
    public BuildDescription {
        platforms = List.copyOf(platforms);
        targets = List.copyOf(targets);
        commands = List.copyOf(commands);
    }

    /** A description without custom commands. */
    public BuildDescription(String project, List<PlatformSpec> platforms, List<TargetSpec> targets) {
        this(project, platforms, targets, List.of());
    }

    /** The platform built when none is named: the first the description lists, else {@code linux-gcc}. */
    public String defaultPlatform() {
        return platforms.stream()
                .findFirst()
                .map(PlatformSpec::name)
                .orElse(PlatformSpec.linuxGcc().name());
    }

    public Optional<TargetSpec> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<PlatformSpec> platform(String name) {
        return platforms.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The description's platform of that name, or else the built-in one ({@link PlatformSpec#BUILT_IN}). */
    public Optional<PlatformSpec> platformOrBuiltIn(String name) {
        return platform(name).or(() -> PlatformSpec.builtIn(name));
    }
}
