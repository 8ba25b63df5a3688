/** dtrace and bpftrace output: probe lines, aggregations, and quantize/lquantize/hist/lhist histograms. */
@Export
@Version("1.0.0")
package dev.trestle.trace.dtrace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
