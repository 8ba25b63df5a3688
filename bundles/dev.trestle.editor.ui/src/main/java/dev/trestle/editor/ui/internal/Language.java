package dev.trestle.editor.ui.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The kinds of text the editor colours, decided from the file name alone (the workbench asks often). */
enum Language {
    C,
    JAVA,
    MAKE,
    SHELL,
    STRACE,
    KERNEL_LOG,
    TEXT;

    private static final Map<String, Language> BY_EXTENSION = Map.ofEntries(
            Map.entry("c", C),
            Map.entry("h", C),
            Map.entry("cc", C),
            Map.entry("cpp", C),
            Map.entry("cxx", C),
            Map.entry("c++", C),
            Map.entry("hh", C),
            Map.entry("hpp", C),
            Map.entry("hxx", C),
            Map.entry("inl", C),
            Map.entry("m", C),
            Map.entry("mm", C),
            Map.entry("java", JAVA),
            Map.entry("mk", MAKE),
            Map.entry("mak", MAKE),
            Map.entry("sh", SHELL),
            Map.entry("bash", SHELL),
            Map.entry("zsh", SHELL),
            Map.entry("strace", STRACE),
            Map.entry("dmesg", KERNEL_LOG),
            Map.entry("txt", TEXT),
            Map.entry("md", TEXT),
            Map.entry("log", TEXT),
            Map.entry("in", TEXT),
            Map.entry("am", MAKE),
            Map.entry("ac", SHELL),
            Map.entry("cmake", TEXT),
            Map.entry("json", TEXT),
            Map.entry("xml", TEXT),
            Map.entry("yml", TEXT),
            Map.entry("yaml", TEXT),
            Map.entry("conf", TEXT),
            Map.entry("cfg", TEXT),
            Map.entry("ini", TEXT),
            Map.entry("diff", TEXT),
            Map.entry("patch", TEXT));
    private static final Set<String> MAKEFILES = Set.of("makefile", "gnumakefile", "kbuild");
    private static final Set<String> PLAIN_NAMES =
            Set.of("readme", "license", "copying", "authors", "changelog", "news", "todo", "install");

    /** Null when the name says nothing textual, e.g. {@code logo.png}, so a better editor may claim the file. */
    static Language of(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        if (MAKEFILES.contains(lower) || lower.startsWith("makefile.")) {
            return MAKE;
        }
        if (lower.endsWith(".strace") || lower.startsWith("strace.") && lower.endsWith(".log")) {
            return STRACE;
        }
        if (lower.startsWith("dmesg") || lower.startsWith("kern") && lower.endsWith(".log")) {
            return KERNEL_LOG;
        }
        int dot = lower.lastIndexOf('.');
        if (dot < 0) {
            return PLAIN_NAMES.contains(lower) ? TEXT : null;
        }
        return BY_EXTENSION.get(lower.substring(dot + 1));
    }

    /** C-like languages have comments and strings that span lines, so they get a partitioner. */
    boolean hasCodePartitions() {
        return this == C || this == JAVA;
    }
}
