package dev.trestle.editor.ui.internal;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.TextUtilities;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;

/** Colours text the way the editor's reconciler does (partitions, then each partition's scanner), headlessly. */
final class Tokens {
    private Tokens() {}

    /** Non-blank tokens as {@code STYLE:text}. */
    static List<String> of(Language language, String text) throws BadLocationException {
        IDocument document = new Document(text);
        Partitions.connect(document, language);
        List<String> tokens = new ArrayList<>();
        for (ITypedRegion region : TextUtilities.computePartitioning(
                document,
                org.eclipse.jface.text.IDocumentExtension3.DEFAULT_PARTITIONING,
                0,
                document.getLength(),
                false)) {
            ITokenScanner scanner = Lexers.forPartition(language, region.getType());
            scanner.setRange(document, region.getOffset(), region.getLength());
            for (IToken token = scanner.nextToken(); !token.isEOF(); token = scanner.nextToken()) {
                String piece = document.get(scanner.getTokenOffset(), scanner.getTokenLength());
                if (!piece.isBlank()) {
                    tokens.add(Style.of(token) + ":" + piece.strip());
                }
            }
        }
        return tokens;
    }

    static Style styleOf(Language language, String text, String piece) throws BadLocationException {
        for (String token : of(language, text)) {
            if (token.endsWith(":" + piece)) {
                return Style.valueOf(token.substring(0, token.indexOf(':')));
            }
        }
        throw new AssertionError("no token '" + piece + "' in " + of(language, text));
    }
}
