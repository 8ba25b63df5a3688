/** The open project: loaded from its project file, or scanned from a directory into the shared model. */
@Export
@Version("1.0.0")
package dev.trestle.core.project;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
