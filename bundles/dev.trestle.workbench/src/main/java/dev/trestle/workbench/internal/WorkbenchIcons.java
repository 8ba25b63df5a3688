package dev.trestle.workbench.internal;

import dev.trestle.model.Severity;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Control;

/**
 * The images the workbench shows. JFace's own icons where it has one (files, severities, cancel); the folder icon
 * is ours because neither SWT nor JFace ships one. PNG (JFace still ships both) so that the window's icons do not
 * depend on the SVG rasterizer being resolved. All are freed with the control they were created for.
 */
final class WorkbenchIcons {
    private final ResourceManager resources;

    WorkbenchIcons(Control owner) {
        resources = new LocalResourceManager(JFaceResources.getResources(), owner);
    }

    Image folder() {
        return image(WorkbenchIcons.class, "icons/folder.png");
    }

    Image file() {
        return image(WizardDialog.class, "images/page.png");
    }

    Image cancel() {
        return image(org.eclipse.jface.action.Action.class, "images/stop.png");
    }

    Image severity(Severity severity) {
        return JFaceResources.getImage(
                switch (severity) {
                    case ERROR -> Dialog.DLG_IMG_MESSAGE_ERROR;
                    case WARNING -> Dialog.DLG_IMG_MESSAGE_WARNING;
                    case INFO -> Dialog.DLG_IMG_MESSAGE_INFO;
                });
    }

    Image image(ImageDescriptor descriptor) {
        return resources.create(descriptor);
    }

    private Image image(Class<?> base, String name) {
        return resources.create(ImageDescriptor.createFromURL(base.getResource(name)));
    }
}
