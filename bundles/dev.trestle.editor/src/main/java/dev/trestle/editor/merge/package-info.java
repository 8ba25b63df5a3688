/**
 * Three-way merge of texts by lines: what the editor offers when a file changed on disk while it held unsaved
 * changes.
 */
@Export
@Version("1.0.0")
package dev.trestle.editor.merge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
