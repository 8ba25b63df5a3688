/**
 * Widgets more than one view shows: {@link dev.trestle.workbench.widgets.SideBySideText}, and the columns of tables
 * and trees ({@link dev.trestle.workbench.widgets.ViewerColumns}). Display thread only.
 */
@Export
@Version("1.0.0")
package dev.trestle.workbench.widgets;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
