package dev.trestle.workbench.internal;

import dev.trestle.model.Container;
import dev.trestle.model.Member;
import dev.trestle.model.Project;
import org.eclipse.jface.viewers.ITreeContentProvider;

/** The explorer's tree: a project's members, and each folder's members below it. */
final class ProjectTreeContent implements ITreeContentProvider {
    private static final Object[] NONE = new Object[0];

    @Override
    public Object[] getElements(Object input) {
        return input instanceof Project project ? project.getMembers().toArray() : NONE;
    }

    @Override
    public Object[] getChildren(Object element) {
        return element instanceof Container container && !(element instanceof Project)
                ? container.getMembers().toArray()
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
}
