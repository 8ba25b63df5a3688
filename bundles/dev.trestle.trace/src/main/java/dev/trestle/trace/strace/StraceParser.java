package dev.trestle.trace.strace;

import dev.trestle.trace.ParseProblem;
import dev.trestle.trace.ParseReport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Streams an strace log into {@link StraceEvent}s. Reads any mix of {@code -f}, {@code -ff}, {@code -t}, {@code -tt},
 * {@code -ttt}, {@code -r}, {@code -T}, {@code -y}, {@code -yy}, {@code -x}, {@code -xx} and {@code -k} output. Lines
 * that are not strace output are counted as {@link ParseProblem}s and the parse goes on. Immutable; one instance can
 * parse many logs, on any thread.
 */
public final class StraceParser {
    private static final int DEFAULT_MAX_PROBLEMS = 20;

    private final int pid;
    private final int maxProblems;

    private StraceParser(int pid, int maxProblems) {
        this.pid = pid;
        this.maxProblems = maxProblems;
    }

    public static StraceParser create() {
        return new StraceParser(0, DEFAULT_MAX_PROBLEMS);
    }

    /** The pid of lines that carry none: an {@code -ff} file ({@link #pidOfFile}) or the first process of {@code -f}. */
    public StraceParser forProcess(int pid) {
        if (pid < 0) {
            throw new IllegalArgumentException("pid < 0: " + pid);
        }
        return new StraceParser(pid, maxProblems);
    }

    /** How many problems {@link ParseReport#firstProblems()} keeps; all are counted regardless. */
    public StraceParser keepingProblems(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max < 0: " + max);
        }
        return new StraceParser(pid, max);
    }

    /** {@code 1234} for {@code trace.1234}, the name {@code strace -ff -o trace} gives the file of pid 1234. */
    public static OptionalInt pidOfFile(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        String suffix = name.substring(dot + 1);
        if (dot <= 0
                || suffix.isEmpty()
                || suffix.length() > 9
                || !suffix.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(suffix));
    }

    public ParseReport parse(Reader in, Consumer<? super StraceEvent> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        EventAssembler events = new EventAssembler(sink, maxProblems);
        LineRouter router = new LineRouter(new LineScanner(events, pid), events);
        long lines = LineSource.read(in, router);
        router.finish();
        return events.finish(lines);
    }

    /** strace escapes non-ASCII bytes, so any raw byte that is not UTF-8 came from program output: it is replaced. */
    public ParseReport parse(InputStream in, Consumer<? super StraceEvent> sink) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return parse(new InputStreamReader(new BufferedInputStream(in, 1 << 16), decoder), sink);
    }

    /** Parses a file; an {@code -ff} file's pid comes from its name unless {@link #forProcess} set one. */
    public ParseReport parse(Path file, Consumer<? super StraceEvent> sink) throws IOException {
        StraceParser parser = pid == 0 ? forProcess(pidOfFile(file).orElse(0)) : this;
        try (InputStream in = Files.newInputStream(file)) {
            return parser.parse(in, sink);
        }
    }
}
