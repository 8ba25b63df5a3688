/** Generated implementation classes of the project model, exported so that capability models can extend them.
 */
@Export
@Version("1.0.0")
package dev.trestle.model.impl;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
