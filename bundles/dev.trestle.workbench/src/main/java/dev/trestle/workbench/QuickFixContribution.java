package dev.trestle.workbench;

import dev.trestle.model.Annotation;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Offers fixes for annotations a capability wrote: the Problems view lists them in its context menu (and runs the
 * first on Ctrl+1). Called on the display thread.
 */
@ConsumerType
public interface QuickFixContribution {
    /** The fixes for {@code annotation}; empty when this contribution has none for it. */
    List<QuickFix> fixesFor(Annotation annotation);

    /** One fix, as the menu shows it. */
    interface QuickFix {
        String label();

        /** Runs on the display thread: schedule long work through {@link WorkbenchContext#jobs()}. */
        void apply(WorkbenchContext context) throws Exception;
    }
}
