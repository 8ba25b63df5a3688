/** Kernel logs: WARNING/BUG/Oops incidents with their call-trace frames graded for reliability, taint flags, and ftrace-bug blocks. */
@Export
@Version("1.0.0")
package dev.trestle.trace.kernel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
