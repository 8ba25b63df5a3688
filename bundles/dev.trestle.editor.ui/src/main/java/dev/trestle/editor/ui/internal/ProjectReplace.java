package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.LocalHistory;
import dev.trestle.editor.history.SaveConflictException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;

/**
 * Replace All across a project. A file open in an editor is changed in its editor, as one edit that undo takes back,
 * and left unsaved for the user to review; any other file is written through the local history, atomically and
 * keeping what it held, and only if it did not change since it was read.
 */
final class ProjectReplace {
    /** What Replace All did: files changed (open ones left unsaved), matches replaced, files refused and why. */
    record Outcome(int files, int replacements, List<Path> leftUnsaved, List<String> refused) {}

    private ProjectReplace() {}

    static Outcome replaceAll(
            List<Path> files,
            Pattern pattern,
            String replacement,
            boolean regularExpression,
            Function<Path, Optional<IDocument>> openDocument,
            LocalHistory history) {
        String expansion = regularExpression ? replacement : Matcher.quoteReplacement(replacement);
        int changedFiles = 0;
        int replacements = 0;
        List<Path> unsaved = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            try {
                Optional<IDocument> open = openDocument.apply(file);
                FileContent content = open.isPresent() ? null : FileContent.read(file);
                String before = open.isPresent() ? open.get().get() : content.text();
                int count = (int) pattern.matcher(before).results().count();
                if (count == 0) {
                    continue;
                }
                String after = pattern.matcher(before).replaceAll(expansion);
                if (open.isPresent()) {
                    applyAsOneEdit(open.get(), before, after);
                    unsaved.add(file);
                } else {
                    byte[] bytes = after.getBytes(content.charset());
                    history.save(file, content.stamp(), out -> out.write(bytes));
                }
                changedFiles++;
                replacements += count;
            } catch (SaveConflictException e) {
                refused.add(file + ": changed on disk since it was read; not overwritten");
            } catch (IOException | BadLocationException | IndexOutOfBoundsException | IllegalArgumentException e) {
                refused.add(file + ": " + e.getMessage());
            }
        }
        return new Outcome(changedFiles, replacements, unsaved, refused);
    }

    /** Replaces only the span from the first to the last difference, so undo and the journal hold no more. */
    static void applyAsOneEdit(IDocument document, String before, String after) throws BadLocationException {
        int prefix = 0;
        int limit = Math.min(before.length(), after.length());
        while (prefix < limit && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        if (prefix > 0 && Character.isHighSurrogate(before.charAt(prefix - 1))) {
            prefix--; // never between the halves of a character: offsets are converted to UTF-8 bytes
        }
        int suffix = 0;
        while (suffix < limit - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        if (suffix > 0 && Character.isLowSurrogate(before.charAt(before.length() - suffix))) {
            suffix--;
        }
        document.replace(prefix, before.length() - prefix - suffix, after.substring(prefix, after.length() - suffix));
    }
}
