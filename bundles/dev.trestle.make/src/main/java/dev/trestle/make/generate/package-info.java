/**
 * One flat GNU makefile per platform for a whole project, in {@code DIR/build/PLATFORM/Makefile}: no {@code cd}, no
 * recursive make, objects mirroring the sources under the build directory, precomputed header dependencies plus the
 * compiler's depfiles, a rebuild when an object's compile command changes, and a {@code clean} that removes only
 * the files the makefile lists and refuses to run on a build directory it did not create. The same graph can be
 * written as {@code build.ninja}; both come with a {@code compile_commands.json} for clangd.
 */
@Export
@Version("1.2.0")
package dev.trestle.make.generate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
