package dev.trestle.workbench.internal;

import dev.trestle.model.Container;
import dev.trestle.model.Member;
import dev.trestle.model.Project;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jface.viewers.ITreeContentProvider;

/**
 * The explorer's tree: a project's members, and each folder's members below it, folders first and each group by
 * name. Sorted here rather than by a ViewerComparator: with one, GTK stretched every tree icon across the indent.
 */
final class ProjectTreeContent implements ITreeContentProvider {
    static final Comparator<Member> FOLDERS_FIRST = Comparator.comparing((Member m) -> !(m instanceof Container))
            .thenComparing(Member::getName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Member::getName);

    private static final Object[] NONE = new Object[0];

    @Override
    public Object[] getElements(Object input) {
        return input instanceof Project project ? sorted(project.getMembers()) : NONE;
    }

    @Override
    public Object[] getChildren(Object element) {
        return element instanceof Container container && !(element instanceof Project)
                ? sorted(container.getMembers())
                : NONE;
    }

    @Override
    public Object getParent(Object element) {
        return element instanceof Member member ? member.eContainer() : null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return element instanceof Container container && !container.getMembers().isEmpty();
    }

    private static Object[] sorted(List<Member> members) {
        // a copy: a refresh job may change the list while the tree reads it
        return List.copyOf(members).stream().sorted(FOLDERS_FIRST).toArray();
    }
}
