package dev.trestle.backup.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.backup.Selection;
import dev.trestle.model.BuildOutput;
import dev.trestle.model.OutputKind;
import dev.trestle.model.Project;
import dev.trestle.model.Target;
import dev.trestle.model.TrestleFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectBackupSelectionTest {
    private static final TrestleFactory MODEL = TrestleFactory.eINSTANCE;

    private static Project project(Path root, String... outputs) {
        Project project = MODEL.createProject();
        project.setRoot(root.toString());
        Target target = MODEL.createTarget();
        target.setName("wordfreq");
        for (String path : outputs) {
            BuildOutput output = MODEL.createBuildOutput();
            output.setPath(path);
            output.setKind(OutputKind.EXECUTABLE);
            target.getOutputs().add(output);
        }
        project.getTargets().add(target);
        return project;
    }

    @Test
    void theOpenProjectIsBackedUpWithoutItsBuildOutputsAndAnythingElseWhole() {
        Path root = Path.of("/home/me/wordfreq");
        Project project = project(root, "build/linux-gcc/wordfreq", "build/linux-gcc/lib/lib[w]f.a");

        assertEquals(
                new Selection(List.of(), List.of("build/linux-gcc/wordfreq", "build/linux-gcc/lib/lib\\[w\\]f.a")),
                BackupsModel.withoutBuildOutputs(Optional.of(project), Path.of("/home/me/wordfreq/.")));
        assertEquals(Selection.ALL, BackupsModel.withoutBuildOutputs(Optional.of(project), Path.of("/home/me/other")));
        assertEquals(Selection.ALL, BackupsModel.withoutBuildOutputs(Optional.empty(), root));
        assertEquals(Selection.ALL, BackupsModel.withoutBuildOutputs(Optional.of(project(root)), root));
    }
}
