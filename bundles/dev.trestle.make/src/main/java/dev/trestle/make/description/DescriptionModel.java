package dev.trestle.make.description;

import dev.trestle.model.BuildOutput;
import dev.trestle.model.OutputKind;
import dev.trestle.model.Platform;
import dev.trestle.model.Project;
import dev.trestle.model.SourceFile;
import dev.trestle.model.Target;
import dev.trestle.model.TargetKind;
import dev.trestle.model.TrestleFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a description onto the shared model and back. The model holds what every capability needs (targets, their
 * kind, expanded source files, platforms, dependencies, outputs) and, on each {@link Target}, what the build needs
 * as written: the source and exclude globs, include directories, defines, compile and link flags, libraries in link
 * order, and a custom command's outputs, inputs and words. So {@link #describe} gives back exactly the description
 * that was {@link #apply applied}, also after the project file was saved and loaded again.
 */
public final class DescriptionModel {
    private DescriptionModel() {}

    /** Replaces the project's platforms and targets with the description's; a custom command is a custom target. */
    public static void apply(BuildDescription description, Project project) throws IOException {
        Path root = Path.of(project.getRoot());
        project.setName(description.project());
        project.getTargets().clear();
        project.getPlatforms().clear();
        Map<String, Platform> platforms = new HashMap<>();
        for (PlatformSpec spec : description.platforms()) {
            Platform platform = TrestleFactory.eINSTANCE.createPlatform();
            platform.setName(spec.name());
            platform.setOs(spec.os());
            platform.setCompiler(spec.compiler());
            platform.setTriple(spec.triple());
            project.getPlatforms().add(platform);
            platforms.put(spec.name(), platform);
        }
        Map<String, SourceFile> files = new HashMap<>();
        project.eAllContents().forEachRemaining(o -> {
            if (o instanceof SourceFile file) {
                files.put(file.getPath(), file);
            }
        });
        Map<String, Target> targets = new HashMap<>();
        for (TargetSpec spec : description.targets()) {
            Target target = TrestleFactory.eINSTANCE.createTarget();
            target.setName(spec.name());
            target.setKind(spec.kind());
            spec.platforms().stream().map(platforms::get).filter(p -> p != null).forEach(target.getPlatforms()::add);
            for (String path : Globs.expand(root, spec)) {
                if (files.containsKey(path)) {
                    target.getSources().add(files.get(path));
                }
            }
            for (PlatformSpec platform : description.platforms()) {
                if (spec.buildsOn(platform.name())) {
                    BuildOutput output = TrestleFactory.eINSTANCE.createBuildOutput();
                    output.setPath("build/" + platform.name() + "/" + Outputs.file(spec, platform));
                    output.setKind(Outputs.kind(spec.kind()));
                    output.setPlatform(platforms.get(platform.name()));
                    target.getOutputs().add(output);
                }
            }
            target.getSourcePatterns().addAll(spec.sources());
            target.getExcludePatterns().addAll(spec.excludes());
            target.getIncludeDirectories().addAll(spec.includeDirs());
            target.getDefines().addAll(spec.defines());
            target.getCompileFlags().addAll(spec.flags());
            target.getLinkFlags().addAll(spec.linkFlags());
            target.getLibraries().addAll(spec.libraries());
            project.getTargets().add(target);
            targets.put(spec.name(), target);
        }
        for (CommandSpec spec : description.commands()) {
            Target target = TrestleFactory.eINSTANCE.createTarget();
            target.setName(spec.name());
            target.setKind(TargetKind.CUSTOM);
            for (PlatformSpec platform : description.platforms()) {
                for (String file : spec.outputs()) {
                    BuildOutput output = TrestleFactory.eINSTANCE.createBuildOutput();
                    output.setPath("build/" + platform.name() + "/gen/" + file);
                    output.setKind(OutputKind.OTHER);
                    output.setPlatform(platforms.get(platform.name()));
                    target.getOutputs().add(output);
                }
            }
            target.getCommandOutputs().addAll(spec.outputs());
            target.getCommandInputs().addAll(spec.inputs());
            target.getCommandWords().addAll(spec.run());
            project.getTargets().add(target);
        }
        for (TargetSpec spec : description.targets()) {
            spec.libraries().stream()
                    .map(targets::get)
                    .filter(t -> t != null)
                    .forEach(targets.get(spec.name()).getDependsOn()::add);
        }
    }

    /**
     * The description of the project's model. A target made elsewhere, without source patterns, gets its source
     * files as exact paths and its dependencies as its libraries.
     */
    public static BuildDescription describe(Project project) {
        List<PlatformSpec> platforms = new ArrayList<>();
        for (Platform platform : project.getPlatforms()) {
            platforms.add(new PlatformSpec(
                    platform.getName(), platform.getOs(), platform.getCompiler(), platform.getTriple()));
        }
        List<TargetSpec> targets = new ArrayList<>();
        List<CommandSpec> commands = new ArrayList<>();
        for (Target target : project.getTargets()) {
            if (target.getKind() == TargetKind.CUSTOM) {
                commands.add(new CommandSpec(
                        target.getName(),
                        target.getCommandOutputs(),
                        target.getCommandInputs(),
                        target.getCommandWords()));
                continue;
            }
            List<String> platformNames =
                    target.getPlatforms().stream().map(Platform::getName).toList();
            boolean described = !target.getSourcePatterns().isEmpty();
            targets.add(new TargetSpec(
                    target.getName(),
                    target.getKind(),
                    described
                            ? target.getSourcePatterns()
                            : target.getSources().stream()
                                    .map(SourceFile::getPath)
                                    .toList(),
                    target.getExcludePatterns(),
                    target.getIncludeDirectories(),
                    target.getDefines(),
                    target.getCompileFlags(),
                    target.getLinkFlags(),
                    described || !target.getLibraries().isEmpty()
                            ? target.getLibraries()
                            : target.getDependsOn().stream()
                                    .map(Target::getName)
                                    .toList(),
                    platformNames));
        }
        return new BuildDescription(project.getName(), platforms, targets, commands);
    }

    /** What a target produces on a platform, relative to the platform's build directory. */
    public static final class Outputs {
        private Outputs() {}

        /**
         * The file itself. On Windows a DLL goes beside the programs in {@code bin/}, where the loader finds it; the
         * import library that programs link against is {@link #importLibrary}.
         */
        public static String file(TargetSpec target, PlatformSpec platform) {
            boolean windows = platform.os() == dev.trestle.model.OperatingSystem.WINDOWS;
            return switch (target.kind()) {
                case PROGRAM -> "bin/" + target.name() + (windows ? ".exe" : "");
                case STATIC_LIBRARY -> "lib/lib" + target.name() + ".a";
                case SHARED_LIBRARY ->
                    windows
                            ? "bin/lib" + target.name() + ".dll"
                            : "lib/lib" + target.name()
                                    + (platform.os() == dev.trestle.model.OperatingSystem.MACOS ? ".dylib" : ".so");
                case CUSTOM -> "gen/" + target.name();
            };
        }

        /** The import library of a Windows DLL ({@code lib/libNAME.dll.a}); empty for everything else. */
        public static java.util.Optional<String> importLibrary(TargetSpec target, PlatformSpec platform) {
            boolean dll = target.kind() == TargetKind.SHARED_LIBRARY
                    && platform.os() == dev.trestle.model.OperatingSystem.WINDOWS;
            return dll ? java.util.Optional.of("lib/lib" + target.name() + ".dll.a") : java.util.Optional.empty();
        }

        /** What a program names on its link line to use the library: the import library of a DLL, else the file. */
        public static String linkFile(TargetSpec target, PlatformSpec platform) {
            return importLibrary(target, platform).orElseGet(() -> file(target, platform));
        }

        public static OutputKind kind(TargetKind kind) {
            return switch (kind) {
                case PROGRAM -> OutputKind.EXECUTABLE;
                case STATIC_LIBRARY -> OutputKind.ARCHIVE;
                case SHARED_LIBRARY -> OutputKind.SHARED_OBJECT;
                case CUSTOM -> OutputKind.OTHER;
            };
        }
    }
}
