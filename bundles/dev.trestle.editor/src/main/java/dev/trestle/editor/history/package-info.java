/**
 * What the editor remembers about a file: every edit in a branching undo history that survives restarts and outside
 * changes to the file, and every saved version in a content-addressed local history with crash recovery.
 */
@Export
@Version("1.0.0")
package dev.trestle.editor.history;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
