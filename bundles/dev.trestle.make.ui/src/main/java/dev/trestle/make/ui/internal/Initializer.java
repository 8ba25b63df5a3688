package dev.trestle.make.ui.internal;

import java.nio.file.Path;

/** Writes a proposed build description into a project that has none ({@code make init}). */
@FunctionalInterface
interface Initializer {
    /** @return a one-line report */
    String init(Path root) throws Exception;
}
