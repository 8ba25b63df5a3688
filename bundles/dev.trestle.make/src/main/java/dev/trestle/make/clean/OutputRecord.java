package dev.trestle.make.clean;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionModel;
import dev.trestle.model.BuildOutput;
import dev.trestle.model.OutputKind;
import dev.trestle.model.Platform;
import dev.trestle.model.Project;
import dev.trestle.model.Target;
import dev.trestle.model.TrestleFactory;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes into {@code project.trestle} every file the build of a platform creates, so that {@link SafeClean} and the
 * backup know them. The description's targets replace the model's; what was recorded for other platforms is kept.
 * A directory without a project file is left without one: generating a makefile does not turn a tree into a Trestle
 * project behind its owner's back.
 */
public final class OutputRecord {
    private OutputRecord() {}

    /**
     * @param filesByTarget for each target or custom command of the description, the files its build creates,
     *     relative to the build directory {@code build/PLATFORM}
     */
    public static void record(
            Path root, BuildDescription description, String platformName, Map<String, List<String>> filesByTarget)
            throws IOException {
        record(root, description, platformName, filesByTarget, SafeClean.buildDirectory(platformName));
    }

    /** @param buildDirectory the project-relative build directory the files are in */
    public static void record(
            Path root,
            BuildDescription description,
            String platformName,
            Map<String, List<String>> filesByTarget,
            String buildDirectory)
            throws IOException {
        Path src = root.toAbsolutePath().normalize();
        if (!ProjectStore.exists(src)) {
            return;
        }
        Project project = ProjectStore.load(src);
        Map<String, List<BuildOutput>> otherPlatforms = new LinkedHashMap<>();
        for (Target target : project.getTargets()) {
            for (BuildOutput output : target.getOutputs()) {
                if (output.getPlatform() != null
                        && !platformName.equals(output.getPlatform().getName())) {
                    otherPlatforms
                            .computeIfAbsent(target.getName(), t -> new ArrayList<>())
                            .add(output);
                }
            }
        }
        DescriptionModel.apply(description, project);
        Platform platform = platform(project, platformName);
        for (Target target : project.getTargets()) {
            List<BuildOutput> outputs = target.getOutputs();
            outputs.removeIf(o -> o.getPlatform() == null || o.getPlatform().getName() == null);
            keep(project, outputs, otherPlatforms.getOrDefault(target.getName(), List.of()));
            outputs.removeIf(o -> o.getPlatform().getName().equals(platformName));
            for (String file : filesByTarget.getOrDefault(target.getName(), List.of())) {
                BuildOutput output = TrestleFactory.eINSTANCE.createBuildOutput();
                output.setPath(buildDirectory + "/" + file);
                output.setKind(kindOf(file));
                output.setPlatform(platform);
                outputs.add(output);
            }
        }
        ProjectStore.save(project);
    }

    /** Outputs recorded before for other platforms, unless the description just recorded the same path again. */
    private static void keep(Project project, List<BuildOutput> outputs, List<BuildOutput> earlier) {
        for (BuildOutput old : earlier) {
            boolean present = outputs.stream().anyMatch(o -> old.getPath().equals(o.getPath()));
            if (!present) {
                BuildOutput copy = TrestleFactory.eINSTANCE.createBuildOutput();
                copy.setPath(old.getPath());
                copy.setKind(old.getKind());
                copy.setPlatform(platform(project, old.getPlatform().getName()));
                outputs.add(copy);
            }
        }
    }

    private static Platform platform(Project project, String name) {
        for (Platform platform : project.getPlatforms()) {
            if (name.equals(platform.getName())) {
                return platform;
            }
        }
        Platform platform = TrestleFactory.eINSTANCE.createPlatform();
        platform.setName(name);
        project.getPlatforms().add(platform);
        return platform;
    }

    static OutputKind kindOf(String file) {
        if (file.endsWith(".o") || file.endsWith(".obj")) {
            return OutputKind.OBJECT;
        }
        if (file.endsWith(".d")) {
            return OutputKind.DEPENDENCY_FILE;
        }
        if (file.endsWith(".a") || file.endsWith(".lib")) {
            return OutputKind.ARCHIVE;
        }
        if (file.matches(".*\\.(so|dylib|dll)(\\.[0-9.]+)?")) {
            return OutputKind.SHARED_OBJECT;
        }
        if (file.startsWith("bin/")) {
            return OutputKind.EXECUTABLE;
        }
        if (file.startsWith("gen/")) {
            return OutputKind.GENERATED_SOURCE;
        }
        return OutputKind.OTHER;
    }
}
