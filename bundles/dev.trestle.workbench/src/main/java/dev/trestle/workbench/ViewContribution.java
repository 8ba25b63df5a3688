package dev.trestle.workbench;

import java.util.Optional;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.annotation.versioning.ConsumerType;

/** A view shown as a tab in the workbench's view area and listed in its View menu. */
@ConsumerType
public interface ViewContribution {
    /** Unique among views, e.g. {@code "dev.trestle.trace.timeline"}; the workbench remembers views by it. */
    String id();

    String title();

    default Optional<ImageDescriptor> icon() {
        return Optional.empty();
    }

    /**
     * Creates the view's widgets under {@code parent}, the first time the view's tab shows (not when the window
     * opens), once. Code that hands a view work, through something the view registers here, brings it to the front
     * with {@link WorkbenchContext#showView} first. The workbench disposes the widgets when the contribution goes
     * away; listen for disposal of the returned control to release what the view holds.
     */
    Control createControl(Composite parent, WorkbenchContext context);
}
