/**
 * How other bundles contribute to the workbench window: register a {@link dev.trestle.workbench.ViewContribution},
 * {@link dev.trestle.workbench.EditorContribution}, {@link dev.trestle.workbench.ActionContribution} or
 * {@link dev.trestle.workbench.PreferencePageContribution} as an OSGi service. The workbench names no contributor,
 * so a bundle that is absent simply contributes nothing, and one that stops takes its contributions with it.
 *
 * <p>Every method of a contribution is called on the display thread.
 */
@Export
@Version("1.3.0")
package dev.trestle.workbench;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
