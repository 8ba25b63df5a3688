package dev.trestle.make.description;

import dev.trestle.model.OperatingSystem;

/** A platform a project is built for: {@code linux-gcc}, say. {@code triple} may be {@code null}. */
public record PlatformSpec(String name, OperatingSystem os, String compiler, String triple) {
    public static PlatformSpec linuxGcc() {
        return new PlatformSpec("linux-gcc", OperatingSystem.LINUX, "gcc", null);
    }
}
