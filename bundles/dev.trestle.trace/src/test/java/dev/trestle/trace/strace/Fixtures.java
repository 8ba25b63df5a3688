package dev.trestle.trace.strace;

import dev.trestle.trace.ParseReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed logs in src/test/resources/strace, captured once on the build machine with strace 6.1 (workload.c and
 * restart.c built with {@code gcc -static -O1}):
 *
 * <pre>
 * workload-f-C-tt-T.log         strace -f -C -tt -T -o workload-f-C-tt-T.log ./workload
 * workload-f-tt-T-stderr.log    strace -f -tt -T ./workload 2&gt; workload-f-tt-T-stderr.log
 * workload-ff-tt-T.PID          strace -ff -tt -T -o workload-ff-tt-T ./workload
 * workload-f-t.log / -ttt / -r  strace -f -t|-ttt|-r -o workload-f-….log ./workload
 * workload-y.log                strace -y -o workload-y.log ./workload
 * workload-f-yy-T.log           strace -f -yy -T -o workload-f-yy-T.log ./workload
 * workload-x.log / -xx          strace -x|-xx -o workload-x….log ./workload
 * workload-k.log                strace -k -o workload-k.log ./workload
 * cat-k-excerpt.log              strace -k -o k.log cat /etc/hostname; sed -n '251,290p' k.log (from the call before the first libc frame)
 * sleep-p-detached.log          strace -p PID-of-sleep-3 -o sleep-p-detached.log, then kill -INT strace
 * restart-f-tt-T.log            strace -f -tt -T -o restart-f-tt-T.log ./restart
 * sh-f-tt-T-stderr-spliced.log  strace -f -tt -T sh -c 'printf spliced &gt;&amp;2; ls /nonexistent-trestle; echo done &gt;&amp;2'
 *                               2&gt;sh-f-tt-T-stderr-spliced.log &gt;/dev/null
 * </pre>
 */
final class Fixtures {
    private Fixtures() {}

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/strace/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Parsed(List<StraceEvent> events, ParseReport report) {
        List<SyscallEvent> calls(String name) {
            return events.stream()
                    .filter(e -> e instanceof SyscallEvent c && c.name().equals(name))
                    .map(SyscallEvent.class::cast)
                    .toList();
        }

        <T> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    static Parsed parse(StraceParser parser, Reader in) {
        List<StraceEvent> events = new ArrayList<>();
        try {
            return new Parsed(events, parser.parse(in, events::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Parsed parse(String text) {
        return parse(StraceParser.create(), new StringReader(text));
    }

    /** Calls and errors per syscall from strace -c's table, read independently of {@link SyscallSummary}. */
    static Map<String, List<Long>> straceCTable(String text) {
        Map<String, List<Long>> table = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("% time")) {
                inTable = true;
            } else if (inTable && !line.startsWith("------")) {
                String[] f = line.trim().split("\\s+");
                String name = f[f.length - 1];
                if (name.equals("total")) {
                    break;
                }
                // % time, seconds, usecs/call, calls, [errors], syscall
                long errors = f.length == 6 ? Long.parseLong(f[4]) : 0;
                table.put(name, List.of(Long.parseLong(f[3]), errors));
            }
        }
        return table;
    }

    static Map<String, List<Long>> summaryOf(List<StraceEvent> events) {
        SyscallSummary summary = new SyscallSummary();
        events.forEach(summary);
        Map<String, List<Long>> table = new LinkedHashMap<>();
        summary.rows().forEach(r -> table.put(r.syscall(), List.of(r.calls(), r.errors())));
        return table;
    }
}
