package dev.trestle.editor.text;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** Opens documents: the file is mapped, not read, so opening a gigabyte file costs about as much as a small one. */
@ProviderType
public interface TextDocumentService {
    /** Opens {@code file} and starts indexing its lines in the background; a missing file is an error. */
    TextDocument open(Path file) throws IOException;

    /** A new document that no file backs yet. */
    TextDocument create(String initialText);
}
