package dev.trestle.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.model.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {
    @ParameterizedTest
    @CsvSource({
        "src/main.c, C",
        "a/b.C, CPP",
        "x.cpp, CPP",
        "view.m, OBJC",
        "view.mm, OBJCPP",
        "api.h, HEADER",
        "api.HPP, HEADER",
        "boot.S, ASSEMBLY",
        "Makefile, MAKEFILE",
        "sub/GNUmakefile, MAKEFILE",
        "rules.mk, MAKEFILE",
        "build.sh, SHELL",
        "kern.log, LOG",
        ".hidden, UNKNOWN",
        "README, UNKNOWN",
        "archive.tar.bz2, UNKNOWN"
    })
    void languageFollowsTheFileName(String name, Language expected) {
        assertEquals(expected, Languages.of(name));
    }
}
