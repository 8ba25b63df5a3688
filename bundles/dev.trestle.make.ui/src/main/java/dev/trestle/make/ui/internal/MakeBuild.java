package dev.trestle.make.ui.internal;

import dev.trestle.core.safety.SourceBackups;
import dev.trestle.make.deps.DependencyScanner;
import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.Proposer;
import dev.trestle.make.generate.MakefileGenerator;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * What the Build view and the Build menu share: the make services and the view that is open, whose console the menu
 * commands write to.
 */
@Component(service = MakeBuild.class)
public final class MakeBuild {
    private final DependencyScanner scanner;
    private final MakefileGenerator generator;
    private final Initializer initializer;
    private BuildPanel panel;

    @Activate
    public MakeBuild(@Reference DependencyScanner scanner, @Reference MakefileGenerator generator) {
        this.scanner = scanner;
        this.generator = generator;
        this.settings = BuildSettings.load(null);
        this.initializer = root -> proposeDescription(root, settings);
    }

    MakeBuild(DependencyScanner scanner, MakefileGenerator generator, Initializer initializer) {
        this.scanner = scanner;
        this.generator = generator;
        this.initializer = initializer;
        this.settings = BuildSettings.load(null);
    }

    private final BuildSettings settings;

    BuildSettings settings() {
        return settings;
    }

    /** {@code make init}: a first description for a tree that has none; an existing one is never replaced. */
    static String proposeDescription(Path root) throws IOException {
        return proposeDescription(root, null);
    }

    /** As {@link #proposeDescription(Path)}, with the platforms' compilers as the user prefers them. */
    static String proposeDescription(Path root, BuildSettings preferred) throws IOException {
        Path file = DescriptionFormat.fileOf(root);
        if (Files.exists(file)) {
            return file + " already exists";
        }
        BuildDescription description = Proposer.propose(root);
        if (preferred != null) {
            description = preferred.preferredCompilers(description);
        }
        DescriptionFormat.save(file, description);
        int targets = description.targets().size();
        return "wrote " + file + ": " + targets + (targets == 1 ? " target" : " targets");
    }

    private volatile SourceBackups backups;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unsetBackups")
    public void setBackups(SourceBackups service) {
        backups = service;
    }

    public void unsetBackups(SourceBackups service) {
        if (backups == service) {
            backups = null;
        }
    }

    /** The backup capability's view of the sources, when it is installed. */
    Optional<SourceBackups> backups() {
        return Optional.ofNullable(backups);
    }

    DependencyScanner scanner() {
        return scanner;
    }

    MakefileGenerator generator() {
        return generator;
    }

    Initializer initializer() {
        return initializer;
    }

    /** Called on the display thread by the view. */
    void opened(BuildPanel opened) {
        panel = opened;
    }

    void closed(BuildPanel closing) {
        if (panel == closing) {
            panel = null;
        }
    }

    /** The open Build view, if any; display thread only. */
    Optional<BuildPanel> panel() {
        return Optional.ofNullable(panel).filter(p -> !p.control().isDisposed());
    }

    /**
     * The Build view brought to the front, for a menu command to write its output to; a view's widgets, and so its
     * panel, are made when it first shows. Empty when the window has no Build view.
     */
    Optional<BuildPanel> shownPanel(WorkbenchContext context) {
        context.showView(BuildView.ID);
        return panel();
    }
}
