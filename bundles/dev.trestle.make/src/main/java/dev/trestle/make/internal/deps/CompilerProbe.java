package dev.trestle.make.internal.deps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What a compiler predefines ({@code cc -dM -E}) and where it looks for {@code <headers>} ({@code cc -E -v}), asked
 * once per compiler and language and kept for the life of the bundle.
 */
final class CompilerProbe {
    record Facts(List<Directive> macros, List<Path> directories) {}

    private static final Map<String, Facts> CACHE = new ConcurrentHashMap<>();

    private CompilerProbe() {}

    /** @param language the {@code -x} language: {@code c}, {@code c++}, {@code objective-c} */
    static Facts of(String compiler, String language) {
        return CACHE.computeIfAbsent(compiler + " -x " + language, key -> probe(compiler, language));
    }

    private static Facts probe(String compiler, String language) {
        String macros = run(List.of(compiler, "-x", language, "-dM", "-E", "-"), false);
        List<Directive> defines = DirectiveReader.read(macros);
        String verbose = run(List.of(compiler, "-x", language, "-E", "-v", "-"), true);
        List<Path> dirs = new ArrayList<>();
        boolean inList = false;
        for (String line : verbose.split("\n")) {
            if (line.startsWith("#include <...> search starts here")) {
                inList = true;
            } else if (line.startsWith("End of search list")) {
                inList = false;
            } else if (inList && line.startsWith(" ")) {
                dirs.add(Path.of(line.strip().replace(" (framework directory)", ""))
                        .toAbsolutePath()
                        .normalize());
            }
        }
        return new Facts(defines, List.copyOf(dirs));
    }

    private static String run(List<String> command, boolean stderr) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(stderr)
                    .redirectError(stderr ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new UncheckedIOException(new IOException(String.join(" ", command) + " failed"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted running " + command.get(0), e));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
