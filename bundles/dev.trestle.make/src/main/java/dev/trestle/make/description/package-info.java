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
 * [program wordfreq]
 * sources = src/**&#47;*.c
 * exclude = src/all-in-one.c
 * include = include lib
 * define = NDEBUG VERSION="1.0"
 * flags = -O2 -Wall
 * link-flags = -Wl,-E
 * libs = text m
 * platforms = linux-gcc
 * </pre>
 *
 * <ul>
 *   <li>A section header is {@code [KIND NAME]}; KIND is {@code platform}, {@code program}, {@code static-library}
 *       or {@code shared-library}; names are unique among targets.
 *   <li>Inside a section, {@code key = value}. Values are lists separated by blanks; a value containing blanks or
 *       a double quote is written in double quotes with {@code \"} and {@code \\} escapes. A key given twice adds
 *       to its list, so a long list can be split over lines.
 *   <li>Target keys: {@code sources} and {@code exclude} (globs relative to the project root: {@code *} and
 *       {@code ?} stay within a directory, {@code **&#47;} spans any number of them; hidden directories and
 *       {@code build/} are never matched), {@code include} (directories for {@code -I}), {@code define} ({@code
 *       NAME} or {@code NAME=VALUE}), {@code flags} (compile flags), {@code link-flags}, {@code libs} (another
 *       target of the project or a system library for {@code -l}, in link order), {@code platforms} (empty: all).
 *   <li>Platform keys: {@code os} ({@code linux}, {@code macos}, {@code windows}), {@code compiler}, {@code triple}.
 * </ul>
 *
 * The writer emits sections in order with keys in the order above, so a description that is read and written
 * again is unchanged apart from comments and spacing.
 */
@Export
@Version("1.0.0")
package dev.trestle.make.description;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
