package dev.trestle.make.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.PlatformSpec;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preferences > Build: the compiler a user prefers for a platform goes into the descriptions Generate proposes. */
class BuildSettingsTest {
    @TempDir
    Path temp;

    @Test
    void aProposedDescriptionUsesThePreferredCompilerAndAnExistingOneKeepsItsOwn() throws Exception {
        Path state = Files.createDirectories(temp.resolve("state"));
        BuildSettings settings = BuildSettings.load(state.toString());
        assertEquals("gcc", settings.store().getString(BuildSettings.compilerKey("linux-gcc")), "the built-in default");
        settings.store().setValue(BuildSettings.compilerKey("linux-gcc"), "clang-16");
        settings.save();
        assertTrue(Files.readString(state.resolve(BuildSettings.FILE)).contains("compiler.linux-gcc=clang-16"));

        BuildSettings reloaded = BuildSettings.load(state.toString());
        Path project = WorkbenchFixture.copyDemoProject(Files.createDirectories(temp.resolve("demo")));
        MakeBuild.proposeDescription(project, reloaded);
        BuildDescription proposed = DescriptionFormat.read(DescriptionFormat.fileOf(project));
        assertEquals(
                "clang-16",
                proposed.platform("linux-gcc").map(PlatformSpec::compiler).orElseThrow());

        DescriptionFormat.save(
                DescriptionFormat.fileOf(project),
                new BuildDescription(
                        proposed.project(), java.util.List.of(PlatformSpec.linuxGcc()), proposed.targets()));
        assertTrue(MakeBuild.proposeDescription(project, reloaded).endsWith("already exists"));
        assertEquals(
                "gcc",
                DescriptionFormat.read(DescriptionFormat.fileOf(project))
                        .platform("linux-gcc")
                        .map(PlatformSpec::compiler)
                        .orElseThrow());
    }
}
