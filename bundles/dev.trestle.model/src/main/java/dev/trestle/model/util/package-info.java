/** Generated switch and adapter factory of the project model.
 */
@Export
@Version("1.0.0")
package dev.trestle.model.util;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
