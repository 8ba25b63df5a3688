/**
 * Reading and writing the project file ({@value dev.trestle.model.store.ProjectStore#FILE_NAME} at the project
 * root): atomic saves, and loading of files written by earlier versions or by newer ones.
 */
@Export
@Version("1.0.0")
package dev.trestle.model.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
