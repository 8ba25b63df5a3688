/**
 * Backups that are provably good: create an archive, verify it where it was written, restore from it. The archive
 * is a plain {@code tar.zst} or {@code tar.bz2} that standard tools read; beside it lie its index and its manifests.
 */
@Export
@Version("1.6.0")
package dev.trestle.backup;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
