/**
 * ftrace text ({@code trace}, {@code trace_pipe}, {@code trace-cmd report}): a streaming parser for the nop, function and
 * function_graph tracers, and the call tree of a function_graph trace.
 */
@Export
@Version("1.0.0")
package dev.trestle.trace.ftrace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
