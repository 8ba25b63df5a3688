/**
 * Cross-references of a C, C++ or Objective-C project: where functions, types, macros, variables and enum constants
 * are defined and where their names are used, kept current file by file.
 */
@Export
@Version("1.0.0")
package dev.trestle.editor.xref;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
