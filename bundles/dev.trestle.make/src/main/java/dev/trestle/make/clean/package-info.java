/**
 * Cleaning that cannot destroy sources: only the files the project model lists as build outputs of a platform are
 * removed, each only when it lies, without any symbolic link on the way, below that platform's build directory that
 * Trestle created.
 */
@Export
@Version("1.1.0")
package dev.trestle.make.clean;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
