package dev.trestle.core.project;

import dev.trestle.model.Language;
import java.util.Locale;
import java.util.Map;

/** The language of a file, from its name; what the scanner records and the editor colours by. */
public final class Languages {
    private static final Map<String, Language> BY_EXTENSION = Map.ofEntries(
            Map.entry("c", Language.C),
            Map.entry("cc", Language.CPP),
            Map.entry("cpp", Language.CPP),
            Map.entry("cxx", Language.CPP),
            Map.entry("c++", Language.CPP),
            Map.entry("m", Language.OBJC),
            Map.entry("mm", Language.OBJCPP),
            Map.entry("h", Language.HEADER),
            Map.entry("hh", Language.HEADER),
            Map.entry("hpp", Language.HEADER),
            Map.entry("hxx", Language.HEADER),
            Map.entry("inc", Language.HEADER),
            Map.entry("s", Language.ASSEMBLY),
            Map.entry("asm", Language.ASSEMBLY),
            Map.entry("mk", Language.MAKEFILE),
            Map.entry("sh", Language.SHELL),
            Map.entry("bash", Language.SHELL),
            Map.entry("java", Language.JAVA),
            Map.entry("txt", Language.TEXT),
            Map.entry("md", Language.TEXT),
            Map.entry("log", Language.LOG));

    private Languages() {}

    public static Language of(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        if (name.equals("Makefile") || name.equals("makefile") || name.equals("GNUmakefile")) {
            return Language.MAKEFILE;
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Language.UNKNOWN;
        }
        String extension = name.substring(dot + 1);
        // .S is preprocessed assembly, .C is C++ on case-sensitive systems
        if (extension.equals("C")) {
            return Language.CPP;
        }
        return BY_EXTENSION.getOrDefault(extension.toLowerCase(Locale.ROOT), Language.UNKNOWN);
    }
}
