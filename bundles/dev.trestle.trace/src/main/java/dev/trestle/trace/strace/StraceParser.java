package dev.trestle.trace.strace;

import dev.trestle.trace.ParseProblem;
import dev.trestle.trace.ParseReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
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
    // Enough chunks for the threads to finish together; few enough that splitting and merging cost nothing.
    private static final long CHUNK_SIZE = 8 << 20;

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

    /** Encodes the text as UTF-8 first: the parser reads bytes. */
    public ParseReport parse(Reader in, Consumer<? super StraceEvent> sink) throws IOException {
        return parse(new EncodedReader(in), sink);
    }

    /**
     * strace escapes non-ASCII bytes, so any raw byte that is not UTF-8 came from program output: in the text of an
     * event it is replaced.
     */
    public ParseReport parse(InputStream in, Consumer<? super StraceEvent> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        EventAssembler events = new EventAssembler(sink, maxProblems);
        LineRouter router = new LineRouter(new LineScanner(events, pid, true), events);
        long lines = LineSource.read(in, router);
        router.finish();
        return events.finish(lines);
    }

    /** Parses a file; an {@code -ff} file's pid comes from its name unless {@link #forProcess} set one. */
    public ParseReport parse(Path file, Consumer<? super StraceEvent> sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return forFile(file).parse(in, sink);
        }
    }

    /**
     * Adds the calls of a file to {@code summary}: the same counts and report as {@link #parse(Path, Consumer)} into
     * it, but counted without making events and on all processors. Heap stays bounded by the longest line and the
     * number of processes, per thread.
     */
    public ParseReport summarize(Path file, SyscallSummary summary) throws IOException {
        return summarize(file, summary, CHUNK_SIZE, Runtime.getRuntime().availableProcessors());
    }

    ParseReport summarize(Path file, SyscallSummary summary, long chunkSize, int threads) throws IOException {
        Objects.requireNonNull(summary, "summary");
        StraceParser parser = forFile(file);
        return new ChunkedSummary(file, parser.pid, maxProblems, chunkSize, threads).into(summary);
    }

    private StraceParser forFile(Path file) {
        return pid == 0 ? forProcess(pidOfFile(file).orElse(0)) : this;
    }
}
