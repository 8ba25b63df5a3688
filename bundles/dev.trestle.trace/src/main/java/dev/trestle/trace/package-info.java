/**
 * What kind of trace a file holds ({@link dev.trestle.trace.TraceFormats#detect}), and the report, problems and line
 * splitting that the ltrace, ftrace and dtrace parsers share.
 */
@Export
@Version("1.1.0")
package dev.trestle.trace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
