package dev.trestle.make.generate;

/** The build tool a generated file is for. */
public enum Backend {
    /** GNU make: {@code Makefile}. */
    MAKE("Makefile"),
    /** Ninja: {@code build.ninja}. */
    NINJA("build.ninja");

    private final String fileName;

    Backend(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
