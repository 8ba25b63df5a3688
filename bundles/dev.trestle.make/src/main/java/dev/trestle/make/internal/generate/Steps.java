package dev.trestle.make.internal.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code run} words of a custom command with their placeholders replaced: {@code {in}} and {@code {out}} (as
 * words of their own) become every input and every output, {@code {src}} and {@code {gen}} anywhere in a word the
 * source root and the generated-files directory. The literal rest of a word is quoted for the shell, so a command
 * means the same in the makefile and in {@code build.ninja}, whatever the current directory.
 */
final class Steps {
    private Steps() {}

    static List<String> words(Plan.Step step, CompileLine.Dialect d) {
        List<String> words = new ArrayList<>();
        for (String word : step.run()) {
            switch (word) {
                case ">", ">>", "<", "|", "&&" -> words.add(word);
                case "{in}" -> step.inputs().forEach(i -> words.add(d.src(i)));
                case "{out}" -> step.outputs().forEach(o -> words.add(d.build(o)));
                default -> words.add(substitute(word, d));
            }
        }
        return words;
    }

    private static String substitute(String word, CompileLine.Dialect d) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (true) {
            int src = word.indexOf("{src}", start);
            int gen = word.indexOf("{gen}", start);
            int at = src < 0 ? gen : gen < 0 ? src : Math.min(src, gen);
            if (at < 0) {
                break;
            }
            if (at > start) {
                out.append(d.word(word.substring(start, at)));
            }
            // a bare directory: the dialects append to "X/" prefixes, so ask for "." and drop the "/."
            out.append(at == src ? trim(d.src(".")) : trim(d.build(Plan.GENERATED)));
            start = at + 5;
        }
        if (start < word.length() || start == 0) {
            out.append(d.word(word.substring(start)));
        }
        return out.toString();
    }

    private static String trim(String path) {
        return path.endsWith("/.") ? path.substring(0, path.length() - 2) : path;
    }
}
