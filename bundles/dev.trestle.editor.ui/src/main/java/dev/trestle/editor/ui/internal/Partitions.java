package dev.trestle.editor.ui.internal;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;

/**
 * Splits C and Java documents into comments, strings and code. Strings are partitions too, so that a {@code /*}
 * inside a string literal does not start a comment; {@code FastPartitioner} re-partitions only from the edit on.
 */
final class Partitions {
    static final String COMMENT = "__trestle_comment";
    static final String STRING = "__trestle_string";
    static final String CHAR = "__trestle_char";

    private Partitions() {}

    /** Connects a partitioner to {@code document} when the language needs one. */
    static void connect(IDocument document, Language language) {
        if (!language.hasCodePartitions()) {
            return;
        }
        Token comment = new Token(COMMENT);
        Token string = new Token(STRING);
        RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
        scanner.setPredicateRules(new IPredicateRule[] {
            new EndOfLineRule("//", comment),
            new MultiLineRule("/*", "*/", comment, (char) 0, true),
            new MultiLineRule("\"\"\"", "\"\"\"", string, '\\', true),
            new SingleLineRule("\"", "\"", string, '\\'),
            new SingleLineRule("'", "'", new Token(CHAR), '\\'),
        });
        FastPartitioner partitioner = new FastPartitioner(scanner, new String[] {COMMENT, STRING, CHAR});
        partitioner.connect(document);
        document.setDocumentPartitioner(partitioner);
    }
}
