package dev.trestle.itests.products;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./trestle} as a user does, with its own state and data directories. */
final class TrestleProcess {
    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path home;
    private final Path launcher;
    private final Path directory;
    private final Map<String, String> extraEnvironment;

    TrestleProcess(Path home) {
        this(home, REPOSITORY.resolve("trestle"), home, Map.of());
    }

    /** A launcher of another checkout (a copy), run in DIRECTORY with more environment variables. */
    TrestleProcess(Path home, Path launcher, Path directory, Map<String, String> extraEnvironment) {
        this.home = home;
        this.launcher = launcher;
        this.directory = directory;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    TrestleProcess in(Path otherDirectory) {
        return new TrestleProcess(home, launcher, otherDirectory, extraEnvironment);
    }

    TrestleProcess with(String variable, String value) {
        Map<String, String> more = new java.util.HashMap<>(extraEnvironment);
        more.put(variable, value);
        return new TrestleProcess(home, launcher, directory, more);
    }

    Result run(List<String> javaOptions, String... arguments) throws IOException, InterruptedException {
        return runWithInput(javaOptions, "", arguments);
    }

    Result runWithInput(List<String> javaOptions, String input, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("XDG_STATE_HOME", home.resolve("state").toString());
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
        environment.put("TRESTLE_NO_BUILD", "1");
        environment.put("TRESTLE_JAVA_OPTIONS", String.join(" ", javaOptions));
        environment.putAll(extraEnvironment);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("trestle " + String.join(" ", arguments) + " did not end in 120 s");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    Result run(String... arguments) throws IOException, InterruptedException {
        return run(List.of(), arguments);
    }

    /** A copy of the demo project shipped in product/. */
    Path demoCopy(String name) throws IOException {
        Path source = REPOSITORY.resolve("product/demo-project");
        Path target = home.resolve(name);
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }
}
