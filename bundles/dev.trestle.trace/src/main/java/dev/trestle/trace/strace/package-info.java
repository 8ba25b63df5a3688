/** strace output: a streaming parser (every -f/-t/-T/-y form, unfinished/resumed calls joined) and the strace -c summary. */
@Export
@Version("1.0.0")
package dev.trestle.trace.strace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
