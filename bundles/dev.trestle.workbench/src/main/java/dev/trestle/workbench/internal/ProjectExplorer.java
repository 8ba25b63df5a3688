package dev.trestle.workbench.internal;

import dev.trestle.model.Member;
import dev.trestle.model.Project;
import dev.trestle.model.SourceFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** The tree of the project's folders and files; double-clicking a file opens it, a folder expands. */
final class ProjectExplorer {
    private final TreeViewer viewer;

    ProjectExplorer(Composite parent, WorkbenchIcons icons, Consumer<Path> openFile) {
        viewer = new TreeViewer(parent, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        primeIconSize(viewer.getTree(), icons);
        viewer.setContentProvider(new ProjectTreeContent());
        viewer.setLabelProvider(new MemberLabels(icons));
        viewer.setUseHashlookup(true);
        viewer.addDoubleClickListener(event -> {
            Object element = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (element instanceof SourceFile file) {
                fileOf(file).ifPresent(openFile);
            } else if (element != null) {
                viewer.setExpandedState(element, !viewer.getExpandedState(element));
            }
        });
    }

    /**
     * GTK sizes a tree's icon cell once, from the first image the tree receives; when JFace sets that image on a
     * row GTK has not measured yet, the cell ends up as wide as the indentation and every icon is stretched across
     * it. Giving the tree one icon up front, on a row that is removed again, fixes the cell at the icon's size.
     */
    private static void primeIconSize(Tree tree, WorkbenchIcons icons) {
        TreeItem primer = new TreeItem(tree, SWT.NONE);
        primer.setImage(icons.folder());
        primer.dispose();
    }

    /** Shows {@code project}, or refreshes the tree when it is already shown (its members changed). */
    void show(Project project) {
        if (viewer.getInput() == project) {
            viewer.refresh();
        } else {
            viewer.setInput(project);
            viewer.expandToLevel(2);
        }
    }

    TreeViewer viewer() {
        return viewer;
    }

    Control control() {
        return viewer.getControl();
    }

    private static Optional<Path> fileOf(Member member) {
        return EcoreUtil.getRootContainer(member) instanceof Project project && project.getRoot() != null
                ? Optional.of(Path.of(project.getRoot()).resolve(member.getPath()))
                : Optional.empty();
    }
}
