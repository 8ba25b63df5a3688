package dev.trestle.workbench.internal;

import dev.trestle.model.Container;
import dev.trestle.model.Member;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;

/** A member's name and a folder or file icon. */
final class MemberLabels extends LabelProvider {
    private final WorkbenchIcons icons;

    MemberLabels(WorkbenchIcons icons) {
        this.icons = icons;
    }

    @Override
    public String getText(Object element) {
        return element instanceof Member member ? member.getName() : String.valueOf(element);
    }

    @Override
    public Image getImage(Object element) {
        return element instanceof Container ? icons.folder() : icons.file();
    }
}
