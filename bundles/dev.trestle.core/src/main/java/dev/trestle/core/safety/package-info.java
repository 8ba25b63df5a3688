/**
 * The safety net around destructive work: before a clean or a restore over files, a capability asks whether the
 * project's sources have a verified backup that is no older than their last change, and can have one made.
 */
@Export
@Version("1.0.0")
package dev.trestle.core.safety;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
