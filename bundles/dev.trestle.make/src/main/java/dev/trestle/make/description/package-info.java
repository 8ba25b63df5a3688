/**
 * The build description: what a project builds, in a text file at its root ({@value
 * dev.trestle.make.description.DescriptionFormat#FILE_NAME}) that a person reads, edits and diffs, and its mapping
 * onto the shared model.
 *
 * <h2>The format</h2>
 *
 * <pre>
 * # A comment: a line whose first non-blank character is '#'.
 * project = wordfreq
 *
 * [platform linux-gcc]
 * os = linux
 * compiler = gcc
 *
 * [static-library text]
 * sources = lib/text/*.c
 * include = include lib
 *
 * [command gen-config]
 * outputs = wordfreq/generated.h
 * inputs = tools/gen-config.sh
 * run = sh {src}/tools/gen-config.sh {out}
 *
 * [shared-library wf]
 * sources = lib/wf/*.c
 * version = 1.2.3
 *
 * [program wordfreq]
 * sources = src/**&#47;*.c
 * exclude = src/all-in-one.c
 * include = include lib
 * define = NDEBUG VERSION="1.0"
 * flags = -O2 -Wall
 * link-flags = -Wl,-E
 * libs = text m
 * platforms = linux-gcc macos-clang mingw64
 * sources on macos-clang = src/mac/*.m
 * link-flags on macos-clang = -framework Cocoa
 * libs on mingw64 = ws2_32
 * </pre>
 *
 * <ul>
 *   <li>A section header is {@code [KIND NAME]}; KIND is {@code platform}, {@code command}, {@code program}, {@code
 *       static-library} or {@code shared-library}; names are unique among targets and among commands.
 *   <li>Inside a section, {@code key = value}. Values are lists separated by blanks; a value containing blanks or
 *       a double quote is written in double quotes with {@code \"} and {@code \\} escapes. A key given twice adds
 *       to its list, so a long list can be split over lines.
 *   <li>Target keys: {@code sources} and {@code exclude} (globs relative to the project root: {@code *} and
 *       {@code ?} stay within a directory, {@code **&#47;} spans any number of them; hidden directories and
 *       {@code build/} are never matched), {@code include} (directories for {@code -I}), {@code define} ({@code
 *       NAME} or {@code NAME=VALUE}), {@code flags} (compile flags, passed as written; the dependency scan reads
 *       the files of {@code -include FILE}, {@code -imacros FILE} and cl's {@code /FI FILE} before each unit), {@code link-flags}, {@code
 *       libs} (another
 *       target of the project or a system library for {@code -l}, in link order), {@code platforms} (empty: all),
 *       {@code version} (of a {@code shared-library} only: {@code MAJOR[.MINOR[.PATCH]]}; on Linux the library is
 *       {@code lib/libNAME.so.VERSION}, linked with the soname {@code libNAME.so.MAJOR}, and the build makes the
 *       symbolic links {@code libNAME.so.MAJOR} and {@code libNAME.so} beside it, which {@code clean} removes as
 *       links; other platforms ignore it).
 *   <li>{@code KEY on PLATFORM = ...} in a target, for {@code sources}, {@code exclude}, {@code include}, {@code
 *       define}, {@code flags}, {@code link-flags} and {@code libs}: values the target has on that platform only,
 *       appended to its own list of the same name (so a Cocoa part, or {@code ws2_32} on Windows, stays out of the
 *       other platforms' builds).
 *   <li>Platform keys: {@code os} ({@code linux}, {@code macos}, {@code windows}), {@code compiler}, {@code triple}.
 *       {@code linux-gcc}, {@code linux-clang}, {@code macos-clang} and {@code mingw64} ({@code
 *       x86_64-w64-mingw32-gcc}: {@code .exe} programs, a shared library as {@code bin/libNAME.dll} with the import
 *       library {@code lib/libNAME.dll.a}) and {@code msvc} ({@code cl}: {@code /c}, {@code /Fo}, {@code .obj},
 *       header dependencies from {@code /showIncludes}, {@code lib} and {@code link}, libraries {@code NAME.lib},
 *       a shared library as {@code bin/NAME.dll} with the import library {@code lib/NAME.lib}; a platform whose
 *       compiler is {@code clang-cl} gets {@code llvm-lib} and {@code lld-link}) are built in and need no section;
 *       a section of the same name replaces the built-in platform.
 *   <li>A {@code [command NAME]} section is a custom command that generates headers. {@code outputs} (at least
 *       one) are paths relative to the build directory's {@code gen/}, never to the sources, so {@code clean} can
 *       remove them and a generated file can never overwrite a source; {@code gen/} is on every unit's include
 *       path, after the target's own directories. {@code inputs} are paths relative to the project root; the
 *       command runs again when one changes. {@code run} (at least one word) is the command's words, each quoted
 *       for the shell, with these replaced: a word {@code {in}} by every input, a word {@code {out}} by every
 *       output, and {@code {src}} and {@code {gen}} anywhere in a word by the project root and the {@code gen/}
 *       directory. The words {@code >}, {@code >>}, {@code <}, {@code |} and {@code &&} stay shell operators.
 *       The command runs in no particular directory: use the placeholders. Every unit that may include an output
 *       (its include could not be resolved before generation, by the same path or file name) is compiled only
 *       after the command has run.
 * </ul>
 *
 * The writer emits sections in order with keys in the order above, so a description that is read and written
 * again is unchanged apart from comments and spacing.
 */
@Export
@Version("1.5.0")
package dev.trestle.make.description;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
