package dev.trestle.trace.internal.strace;

import dev.trestle.core.command.CommandArguments;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.trace.Detection;
import dev.trestle.trace.ParseReport;
import dev.trestle.trace.TraceFormats;
import dev.trestle.trace.strace.FileActivity;
import dev.trestle.trace.strace.ProcessTree;
import dev.trestle.trace.strace.StraceEvent;
import dev.trestle.trace.strace.StraceParser;
import dev.trestle.trace.strace.SyscallSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;

/** {@code trace:summary}, {@code trace:files} and {@code trace:tree}: the strace analyses from the shell. */
@Component(
        service = StraceCommands.class,
        property = {
            "osgi.command.scope=trace",
            "osgi.command.function=summary",
            "osgi.command.function=files",
            "osgi.command.function=tree"
        })
public final class StraceCommands {
    private static final String USAGE = " [--json] <strace log>";

    @Descriptor("the summary of a trace, by its detected format: strace -c table, ltrace calls, function_graph hot"
            + " spots, dtrace/bpftrace aggregations")
    public String summary(@Descriptor("[--json] TRACE_FILE") String... args) throws IOException {
        Request request = Request.of("summary", args);
        Detection detection;
        try (InputStream in = Files.newInputStream(request.file())) {
            detection = TraceFormats.detect(in);
        }
        return switch (detection.format()) {
            case STRACE -> straceSummary(request);
            case LTRACE -> OtherSummaries.ltrace(request.file(), request.json());
            case FTRACE, TRACE_CMD -> OtherSummaries.ftrace(request.file(), request.json());
            case DTRACE, BPFTRACE -> OtherSummaries.dtrace(request.file(), request.json());
            case KERNEL_LOG ->
                throw CommandFailure.usage(
                        request.file() + " is a kernel log; its summary is: trace incidents " + request.file());
            case UNKNOWN ->
                throw CommandFailure.badInput(
                        "cannot summarize " + request.file() + ": no trace format recognised (" + detection.reason()
                                + ")",
                        null);
        };
    }

    private static String straceSummary(Request request) throws IOException {
        SyscallSummary summary = new SyscallSummary();
        ParseReport report = checked(request.file(), StraceParser.create().summarize(request.file(), summary));
        String out = request.json() ? Render.summaryJson(summary) : Render.summaryTable(summary);
        return out + Render.problems(report, request.json());
    }

    @Descriptor("the files an strace log shows touched: calls, failures, bytes read and written")
    public String files(@Descriptor("[--json] STRACE_LOG") String... args) throws IOException {
        Request request = Request.of("files", args);
        FileActivity files = new FileActivity();
        ParseReport report = parse(request.file(), files);
        String out = request.json() ? Render.filesJson(files.files()) : Render.filesTable(files.files());
        return out + Render.problems(report, request.json());
    }

    @Descriptor("the process tree of an strace -f log: forks, execs, exits")
    public String tree(@Descriptor("[--json] STRACE_LOG") String... args) throws IOException {
        Request request = Request.of("tree", args);
        ProcessTree tree = new ProcessTree();
        ParseReport report = parse(request.file(), tree);
        List<ProcessTree.Process> processes = tree.processes();
        String out = request.json() ? Render.treeJson(processes) : Render.treeText(processes);
        return out + Render.problems(report, request.json());
    }

    private static ParseReport parse(Path file, Consumer<StraceEvent> sink) throws IOException {
        return checked(file, StraceParser.create().parse(file, sink));
    }

    private static ParseReport checked(Path file, ParseReport report) {
        if (report.notATrace()) {
            var first = report.firstProblems().get(0);
            throw CommandFailure.usage(
                    "not an strace log: " + file + " (line " + first.lineNumber() + ": " + first.reason() + ")");
        }
        return report;
    }

    private record Request(boolean json, Path file) {
        static Request of(String command, String... args) {
            boolean json = false;
            String file = null;
            for (String arg : args == null ? new String[0] : args) {
                if (arg.equals("--json")) {
                    json = true;
                } else if (arg.startsWith("-") || file != null) {
                    throw CommandFailure.usage("unexpected argument " + arg + "; usage: trace " + command + USAGE);
                } else {
                    file = arg;
                }
            }
            if (file == null) {
                throw CommandFailure.usage("no log file given; usage: trace " + command + USAGE);
            }
            return new Request(json, CommandArguments.file(file));
        }
    }
}
