/** The shared project model: projects, files, the include graph, targets, platforms, build outputs, annotations and job results. Generated from trestle.ecore.
 */
@Export
@Version("1.1.0")
package dev.trestle.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
