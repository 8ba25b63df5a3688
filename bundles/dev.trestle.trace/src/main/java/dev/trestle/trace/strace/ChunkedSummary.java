package dev.trestle.trace.strace;

import dev.trestle.trace.ParseProblem;
import dev.trestle.trace.ParseReport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The strace -c summary of a file, counted in chunks on several threads and merged in order, equal to what the
 * sequential event parse gives. A chunk starts at a line boundary and is counted as if it started the log; what
 * that cannot know is settled at the merge: a call left unfinished in one chunk and resumed in a later one (see
 * {@link CallCounter#heads}), and the rare state a line boundary does not reset (a line cut by an strace message, the
 * -C table, -k frames after the boundary), for which the two chunks are counted again as one.
 */
final class ChunkedSummary {
    private final Path file;
    private final int pid;
    private final int maxProblems;
    private final long chunkSize;
    private final int threads;
    private final boolean fastPath;

    ChunkedSummary(Path file, int pid, int maxProblems, long chunkSize, int threads) {
        this(file, pid, maxProblems, chunkSize, threads, true);
    }

    /** @param fastPath false to read every line the general way, which tests compare {@link CompleteCalls} with */
    ChunkedSummary(Path file, int pid, int maxProblems, long chunkSize, int threads, boolean fastPath) {
        this.file = file;
        this.pid = pid;
        this.maxProblems = maxProblems;
        this.chunkSize = chunkSize;
        this.threads = threads;
        this.fastPath = fastPath;
    }

    private record Chunk(long from, long end, CallCounter counter, long lines, boolean settled) {}

    ParseReport into(SyscallSummary summary) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long[] bounds = ChunkBounds.of(channel, chunkSize);
            int workers = Math.min(threads, bounds.length - 1);
            if (workers <= 1) {
                Merge merge = new Merge(summary);
                merge.add(count(channel, 0, bounds[bounds.length - 1]));
                return merge.report();
            }
            ExecutorService pool = Executors.newFixedThreadPool(workers, ChunkedSummary::daemon);
            try {
                List<Future<Chunk>> chunks = new ArrayList<>();
                for (int i = 0; i + 1 < bounds.length; i++) {
                    long from = bounds[i];
                    long end = bounds[i + 1];
                    chunks.add(pool.submit(() -> count(channel, from, end)));
                }
                return merge(channel, chunks, summary);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private ParseReport merge(FileChannel channel, List<Future<Chunk>> chunks, SyscallSummary summary)
            throws IOException {
        Merge merge = new Merge(summary);
        Chunk held = null;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk next = result(chunks.get(i));
            chunks.set(i, null); // a merged chunk's counts are let go: heap stays bounded however long the log
            if (held == null) {
                held = next;
            } else if (held.settled && !(next.counter.leadingFrames && !held.counter.afterProblem)) {
                merge.add(held);
                held = next;
            } else {
                held = count(channel, held.from, next.end);
            }
        }
        merge.add(held);
        return merge.report();
    }

    private Chunk count(FileChannel channel, long from, long end) throws IOException {
        CallCounter counter = new CallCounter(maxProblems);
        LineRouter router = new LineRouter(new LineScanner(counter, pid, false), counter);
        CompleteCalls calls = fastPath ? new CompleteCalls(counter, router) : null;
        long lines = LineSource.read(new ChannelRange(channel, from, end), router, calls);
        boolean settled = router.settled();
        router.finish();
        return new Chunk(from, end, counter, lines, settled);
    }

    /** Adds chunks in file order, numbering their lines on and joining calls that span chunks. */
    private final class Merge {
        private final SyscallSummary summary;
        private final Map<Integer, String> pending = new HashMap<>();
        private final List<ParseProblem> problems = new ArrayList<>();
        private long lines;
        private long problemCount;
        private long events;

        Merge(SyscallSummary summary) {
            this.summary = summary;
        }

        void add(Chunk chunk) {
            CallCounter c = chunk.counter;
            c.counts.forEach(summary::add);
            for (ParseProblem p : c.problems) {
                if (problems.size() < maxProblems) {
                    problems.add(new ParseProblem(p.lineNumber() + lines, p.reason(), p.excerpt()));
                }
            }
            problemCount += c.problemCount;
            events += c.eventLines - c.joins;
            c.heads.forEach((pid, head) -> {
                String outside = pending.remove(pid);
                if (outside != null && head != CallCounter.NOT_RESUMED && outside.equals(head)) {
                    events--;
                }
            });
            pending.putAll(c.pending);
            lines += chunk.lines;
        }

        ParseReport report() {
            return new ParseReport(lines, events, problemCount, problems);
        }
    }

    private static Chunk result(Future<Chunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while summarizing");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case UncheckedIOException io -> throw io.getCause();
                case RuntimeException r -> throw r;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "strace-summary");
        thread.setDaemon(true);
        return thread;
    }
}
