/** ltrace output: a streaming parser (-f, -i, -S, -t/-tt/-ttt/-r, -T, unfinished/resumed calls joined, -c tables). */
@Export
@Version("1.0.0")
package dev.trestle.trace.ltrace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
