/** Long work as background jobs: progress, cancel, and listeners that show them (the workbench's progress bar, the terminal's progress line). */
@Export
@Version("1.1.0")
package dev.trestle.core.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
