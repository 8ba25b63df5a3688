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
            // the files of every platform's build: the base sources and each variant's
            java.util.Set<String> sources = new java.util.LinkedHashSet<>(Globs.expand(root, spec));
            for (TargetVariant variant : spec.variants()) {
                sources.addAll(Globs.expand(root, spec.on(variant.platform())));
            }
            for (String path : sources) {
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
                    for (Outputs.Link link : Outputs.links(spec, platform)) {
                        BuildOutput linkOutput = TrestleFactory.eINSTANCE.createBuildOutput();
                        linkOutput.setPath("build/" + platform.name() + "/" + link.file());
                        linkOutput.setKind(Outputs.kind(spec.kind()));
                        linkOutput.setPlatform(platforms.get(platform.name()));
                        target.getOutputs().add(linkOutput);
                    }
                }
            }
            target.getSourcePatterns().addAll(spec.sources());
            target.getExcludePatterns().addAll(spec.excludes());
            target.getIncludeDirectories().addAll(spec.includeDirs());
            target.getDefines().addAll(spec.defines());
            target.getCompileFlags().addAll(spec.flags());
            target.getLinkFlags().addAll(spec.linkFlags());
            target.getLibraries().addAll(spec.libraries());
            target.setVersion(spec.version());
            for (TargetVariant variantSpec : spec.variants()) {
                dev.trestle.model.TargetVariant variant = TrestleFactory.eINSTANCE.createTargetVariant();
                variant.setPlatform(variantSpec.platform());
                variant.getSourcePatterns().addAll(variantSpec.sources());
                variant.getExcludePatterns().addAll(variantSpec.excludes());
                variant.getIncludeDirectories().addAll(variantSpec.includeDirs());
                variant.getDefines().addAll(variantSpec.defines());
                variant.getCompileFlags().addAll(variantSpec.flags());
                variant.getLinkFlags().addAll(variantSpec.linkFlags());
                variant.getLibraries().addAll(variantSpec.libraries());
                target.getVariants().add(variant);
            }
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
                    platformNames,
                    target.getVersion(),
                    target.getVariants().stream()
                            .map(v -> new TargetVariant(
                                    v.getPlatform(),
                                    v.getSourcePatterns(),
                                    v.getExcludePatterns(),
                                    v.getIncludeDirectories(),
                                    v.getDefines(),
                                    v.getCompileFlags(),
                                    v.getLinkFlags(),
                                    v.getLibraries()))
                            .toList()));
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
            // Visual C++ names libraries without the lib prefix: NAME.lib, NAME.dll and its import library NAME.lib
            String prefix = platform.msvc() ? "" : "lib";
            return switch (target.kind()) {
                case PROGRAM -> "bin/" + target.name() + (windows ? ".exe" : "");
                case STATIC_LIBRARY -> "lib/" + prefix + target.name() + (platform.msvc() ? ".lib" : ".a");
                case SHARED_LIBRARY ->
                    windows
                            ? "bin/" + prefix + target.name() + ".dll"
                            : platform.os() == dev.trestle.model.OperatingSystem.MACOS
                                    ? "lib/lib" + target.name() + ".dylib"
                                    : "lib/" + elfName(target)
                                            + (target.version() == null ? "" : "." + target.version());
                case CUSTOM -> "gen/" + target.name();
            };
        }

        /** {@code libNAME.so}, the name a link line gives. */
        private static String elfName(TargetSpec target) {
            return "lib" + target.name() + ".so";
        }

        private static boolean versionedElf(TargetSpec target, PlatformSpec platform) {
            return target.kind() == TargetKind.SHARED_LIBRARY
                    && target.version() != null
                    && platform.os() != dev.trestle.model.OperatingSystem.WINDOWS
                    && platform.os() != dev.trestle.model.OperatingSystem.MACOS;
        }

        /**
         * The name the dynamic loader looks for, which a shared library records in itself: on Linux {@code
         * libNAME.so.MAJOR} for a versioned library, else its file name.
         */
        public static String soname(TargetSpec target, PlatformSpec platform) {
            if (versionedElf(target, platform)) {
                return elfName(target) + "." + target.version().split("\\.")[0];
            }
            String file = file(target, platform);
            return file.substring(file.lastIndexOf('/') + 1);
        }

        /**
         * A symbolic link the build makes beside a library: {@code file} relative to the build directory, pointing
         * to {@code pointsTo}, a name in the same directory.
         */
        public record Link(String file, String pointsTo) {}

        /**
         * The links of a versioned shared library on Linux, as its installation would have them: the soname to the
         * file ({@code libNAME.so.1 -> libNAME.so.1.2.3}) and the linker's name to the soname ({@code libNAME.so ->
         * libNAME.so.1}); none for anything else. A version of one number gives only the linker's name.
         */
        public static List<Link> links(TargetSpec target, PlatformSpec platform) {
            if (!versionedElf(target, platform)) {
                return List.of();
            }
            String file = file(target, platform).substring("lib/".length());
            String soname = soname(target, platform);
            List<Link> links = new ArrayList<>();
            if (!soname.equals(file)) {
                links.add(new Link("lib/" + soname, file));
            }
            links.add(new Link("lib/" + elfName(target), soname));
            return links;
        }

        /** The import library of a Windows DLL ({@code lib/libNAME.dll.a}); empty for everything else. */
        public static java.util.Optional<String> importLibrary(TargetSpec target, PlatformSpec platform) {
            boolean dll = target.kind() == TargetKind.SHARED_LIBRARY
                    && platform.os() == dev.trestle.model.OperatingSystem.WINDOWS;
            if (!dll) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(
                    platform.msvc() ? "lib/" + target.name() + ".lib" : "lib/lib" + target.name() + ".dll.a");
        }

        /** What a program names on its link line to use the library: the import library of a DLL, else the file. */
        public static String linkFile(TargetSpec target, PlatformSpec platform) {
            if (versionedElf(target, platform)) {
                return "lib/" + elfName(target);
            }
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
