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
import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.notify.impl.AdapterImpl;

/**
 * Maps a description onto the shared model and back. The model holds what every capability needs (targets, their
 * kind, expanded source files, platforms, dependencies, outputs); what only the build needs (the globs as written,
 * include paths, defines, flags) rides along on each {@link Target} as an adapter, so {@link #describe} gives back
 * exactly the description that was {@link #apply applied}. The model's XML file does not store those settings: the
 * description file is where they live.
 */
public final class DescriptionModel {
    private DescriptionModel() {}

    /** Keeps a target's description next to it in the model. */
    private static final class Settings extends AdapterImpl {
        final TargetSpec spec;

        Settings(TargetSpec spec) {
            this.spec = spec;
        }

        @Override
        public boolean isAdapterForType(Object type) {
            return type == Settings.class;
        }
    }

    /** Keeps a custom command's description next to its model target (of kind {@link TargetKind#CUSTOM}). */
    private static final class CommandSettings extends AdapterImpl {
        final CommandSpec spec;

        CommandSettings(CommandSpec spec) {
            this.spec = spec;
        }

        @Override
        public boolean isAdapterForType(Object type) {
            return type == CommandSettings.class;
        }
    }

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
            target.eAdapters().add(new Settings(spec));
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
            target.eAdapters().add(new CommandSettings(spec));
            project.getTargets().add(target);
        }
        for (TargetSpec spec : description.targets()) {
            spec.libraries().stream()
                    .map(targets::get)
                    .filter(t -> t != null)
                    .forEach(targets.get(spec.name()).getDependsOn()::add);
        }
    }

    /** The description of the project's model; targets created elsewhere get their sources as exact paths. */
    public static BuildDescription describe(Project project) {
        List<PlatformSpec> platforms = new ArrayList<>();
        for (Platform platform : project.getPlatforms()) {
            platforms.add(new PlatformSpec(
                    platform.getName(), platform.getOs(), platform.getCompiler(), platform.getTriple()));
        }
        List<TargetSpec> targets = new ArrayList<>();
        List<CommandSpec> commands = new ArrayList<>();
        for (Target target : project.getTargets()) {
            if (org.eclipse.emf.ecore.util.EcoreUtil.getAdapter(target.eAdapters(), CommandSettings.class)
                    instanceof CommandSettings command) {
                commands.add(command.spec);
                continue;
            }
            Adapter settings = org.eclipse.emf.ecore.util.EcoreUtil.getAdapter(target.eAdapters(), Settings.class);
            List<String> platformNames =
                    target.getPlatforms().stream().map(Platform::getName).toList();
            if (settings instanceof Settings s) {
                TargetSpec spec = s.spec;
                targets.add(new TargetSpec(
                        target.getName(),
                        target.getKind(),
                        spec.sources(),
                        spec.excludes(),
                        spec.includeDirs(),
                        spec.defines(),
                        spec.flags(),
                        spec.linkFlags(),
                        spec.libraries(),
                        platformNames));
            } else {
                targets.add(new TargetSpec(
                        target.getName(),
                        target.getKind(),
                        target.getSources().stream().map(SourceFile::getPath).toList(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        target.getDependsOn().stream().map(Target::getName).toList(),
                        platformNames));
            }
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
