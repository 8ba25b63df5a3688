/**
 * The editor's text model: documents of any size, addressed by UTF-8 byte offsets and by line numbers, edited in
 * place without ever holding the whole file on the heap.
 */
@Export
@Version("1.2.0")
package dev.trestle.editor.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
