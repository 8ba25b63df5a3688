package dev.trestle.make.internal.deps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What a compiler predefines ({@code cc -dM -E}) and where it looks for {@code <headers>} ({@code cc -E -v}), asked
 * once per compiler and language and kept for the life of the bundle, and on disk under the state directory
 * ({@value #STATE_DIR_PROPERTY}) keyed by the compiler's resolved path, size and modification time, so a headless
 * command does not start two compiler processes every time it runs. A damaged or unreadable cache file is
 * ignored and rewritten.
 */
final class CompilerProbe {
    record Facts(List<Directive> macros, List<Path> directories) {}

    static final String STATE_DIR_PROPERTY = "trestle.state.dir";
    private static final String MACROS = "-- macros";
    private static final Map<String, Facts> CACHE = new ConcurrentHashMap<>();
    private static final System.Logger LOG = System.getLogger(CompilerProbe.class.getName());

    private CompilerProbe() {}

    /** @param language the {@code -x} language: {@code c}, {@code c++}, {@code objective-c} */
    static Facts of(String compiler, String language) {
        return CACHE.computeIfAbsent(compiler + " -x " + language, key -> cached(compiler, language));
    }

    private static Facts cached(String compiler, String language) {
        Path file = cacheFile(compiler, language);
        if (file == null) {
            return probe(compiler, language);
        }
        try {
            if (Files.isRegularFile(file)) {
                return parse(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the damaged compiler cache " + file + ": " + e);
        }
        Facts facts = probe(compiler, language);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "probe", ".tmp");
            Files.writeString(temporary, format(facts), StandardCharsets.ISO_8859_1);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot cache what " + compiler + " predefines in " + file + ": " + e);
        }
        return facts;
    }

    /** {@code null} without a state directory or when the compiler is not found on the PATH. */
    private static Path cacheFile(String compiler, String language) {
        String state = System.getProperty(STATE_DIR_PROPERTY);
        Path binary = resolve(compiler);
        if (state == null || state.isBlank() || binary == null) {
            return null;
        }
        try {
            Path real = binary.toRealPath();
            String key = real + "\0" + Files.size(real) + "\0"
                    + Files.getLastModifiedTime(real).toMillis() + "\0" + language;
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
            return Path.of(state, "make", "compilers", digest.substring(0, 32) + ".txt");
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static Path resolve(String compiler) {
        if (compiler.contains("/")) {
            Path path = Path.of(compiler).toAbsolutePath();
            return Files.isExecutable(path) ? path : null;
        }
        String pathVariable = System.getenv("PATH");
        for (String dir : (pathVariable == null ? "" : pathVariable).split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, compiler))) {
                return Path.of(dir, compiler);
            }
        }
        return null;
    }

    /** The search directories, one {@code dir PATH} line each, a {@value #MACROS} line, then the macros. */
    private static String format(Facts facts) {
        StringBuilder text = new StringBuilder();
        facts.directories().forEach(d -> text.append("dir ").append(d).append('\n'));
        text.append(MACROS).append('\n');
        facts.macros()
                .forEach(d -> text.append('#')
                        .append(d.keyword())
                        .append(' ')
                        .append(d.rest())
                        .append('\n'));
        return text.toString();
    }

    private static Facts parse(String text) {
        int split = text.startsWith(MACROS + "\n") ? 0 : text.indexOf("\n" + MACROS + "\n") + 1;
        if (split <= 0 && !text.startsWith(MACROS + "\n")) {
            throw new IllegalArgumentException("no '" + MACROS + "' line");
        }
        List<Path> dirs = new ArrayList<>();
        for (String line : text.substring(0, split).split("\n")) {
            if (line.startsWith("dir ")) {
                dirs.add(Path.of(line.substring(4)));
            }
        }
        return new Facts(DirectiveReader.read(text.substring(split + MACROS.length() + 1)), List.copyOf(dirs));
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
