package dev.trestle.trace.strace;

import dev.trestle.trace.ParseReport;
import java.io.IOException;
import java.io.StringReader;
import java.util.concurrent.atomic.LongAdder;

/**
 * Not a test: run by hand ({@code java -cp target/classes:target/test-classes dev.trestle.trace.strace.ParseThroughput})
 * to measure MB/s on a typical {@code strace -f -tt -T} log repeated to ~200 MB. Timed unit tests would only be flaky.
 */
public final class ParseThroughput {
    private ParseThroughput() {}

    public static void main(String[] args) throws IOException {
        String log = Fixtures.text("workload-f-tt-T-stderr.log")
                + Fixtures.text("workload-f-yy-T.log")
                + Fixtures.text("restart-f-tt-T.log");
        String big = log.repeat(200_000_000 / log.length());
        for (int round = 0; round < 5; round++) {
            LongAdder events = new LongAdder();
            long start = System.nanoTime();
            ParseReport report = StraceParser.create().parse(new StringReader(big), e -> events.increment());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%.0f MB/s, %d events, %d problems%n",
                    big.length() / 1e6 / seconds, events.sum(), report.problemCount());
        }
    }
}
