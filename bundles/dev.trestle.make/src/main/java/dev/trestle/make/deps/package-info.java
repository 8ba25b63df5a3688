/**
 * Header dependencies of C, C++ and Objective-C translation units, found the way gcc finds them: the same search
 * order ({@code -iquote}, {@code -I}, {@code -isystem}, the compiler's own directories, {@code #include_next}) and
 * the same conditionals, evaluated with the compiler's predefined macros. Where a condition cannot be decided both
 * branches are followed, so the result is a superset of what the compiler reads, never less.
 */
@Export
@Version("1.1.0")
package dev.trestle.make.deps;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
