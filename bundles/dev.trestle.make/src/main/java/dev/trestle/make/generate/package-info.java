/**
 * One flat GNU makefile per platform for a whole project, in {@code DIR/build/PLATFORM/Makefile}: no {@code cd}, no
 * recursive make, objects mirroring the sources under the build directory, precomputed header dependencies plus the
 * compiler's depfiles, a rebuild when an object's compile command changes, and a {@code clean} that removes only
 * the files the makefile lists and refuses to run on a build directory it did not create. The same graph can be
 * written as {@code build.ninja}; both come with a {@code compile_commands.json} for clangd.
 *
 * <p>Written by a process the {@code trestle} launcher started (it passes its own path as the system property
 * {@code trestle.launcher}), a build file writes itself again through that launcher's {@code make generate} when
 * the description changed or the set of source and header files in the directories its source globs reach is no
 * longer the one recorded in the build directory's {@code .trestle-sources}; nothing is scanned when neither
 * changed, and the check itself runs only when one of those directories is newer than the build file.
 */
@Export
@Version("1.3.0")
package dev.trestle.make.generate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
