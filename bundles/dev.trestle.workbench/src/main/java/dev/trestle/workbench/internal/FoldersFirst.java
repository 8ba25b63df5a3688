package dev.trestle.workbench.internal;

import dev.trestle.model.Container;
import org.eclipse.jface.viewers.ViewerComparator;

/** Sorts folders before files, each group by name, as file managers do. */
final class FoldersFirst extends ViewerComparator {
    @Override
    public int category(Object element) {
        return element instanceof Container ? 0 : 1;
    }
}
