/** The shared project model: projects, files, the include graph, targets, platforms, build outputs, annotations, job results and backup sets. Generated from trestle.ecore.
 */
@Export
@Version("1.2.0")
package dev.trestle.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
