/** The contract of headless commands: exit statuses and the failures that carry them. */
@Export
@Version("1.1.0")
package dev.trestle.core.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
