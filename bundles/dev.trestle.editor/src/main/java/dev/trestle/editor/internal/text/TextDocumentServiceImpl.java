package dev.trestle.editor.internal.text;

import dev.trestle.editor.text.TextDocument;
import dev.trestle.editor.text.TextDocumentService;
import java.io.IOException;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/** The document factory as a service, so the editor UI finds it without naming this bundle. */
@Component(service = TextDocumentService.class)
public final class TextDocumentServiceImpl implements TextDocumentService {
    @Override
    public TextDocument open(Path file) throws IOException {
        return PieceTreeDocument.open(file, DocumentConfig.DEFAULTS);
    }

    @Override
    public TextDocument create(String initialText) {
        return PieceTreeDocument.of(initialText, DocumentConfig.DEFAULTS);
    }
}
