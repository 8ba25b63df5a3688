/**
 * The audit of build dependencies: which headers each compiler run of an {@code strace -f} log of a build really
 * opened, against what the project declares (a makefile's prerequisites, the make bundle's scanner). A header the
 * compiler read but the build does not list is a missing dependency: editing it will not rebuild the object.
 */
@Export
@Version("1.1.0")
package dev.trestle.trace.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
