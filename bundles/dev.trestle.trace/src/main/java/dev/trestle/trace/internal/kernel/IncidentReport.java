package dev.trestle.trace.internal.kernel;

import dev.trestle.core.command.JsonText;
import dev.trestle.trace.kernel.CodeBytes;
import dev.trestle.trace.kernel.Frame;
import dev.trestle.trace.kernel.FtraceBug;
import dev.trestle.trace.kernel.Incident;
import dev.trestle.trace.kernel.KernelLog;
import dev.trestle.trace.kernel.LoadedModule;
import dev.trestle.trace.kernel.Problem;
import dev.trestle.trace.kernel.Task;
import dev.trestle.trace.x86.Instruction;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text the commands print. */
final class IncidentReport {
    private IncidentReport() {}

    static String format(String file, KernelLog log) {
        StringBuilder out = new StringBuilder();
        out.append(file)
                .append(": ")
                .append(log.incidents().size())
                .append(" incident(s), ")
                .append(log.lines())
                .append(" lines, ")
                .append(log.problems().size())
                .append(" unplaced line(s)\n");
        int n = 0;
        for (Incident incident : log.incidents()) {
            incident(out, ++n, incident);
        }
        for (Problem problem : log.problems()) {
            out.append("unplaced: ").append(problem).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static void incident(StringBuilder out, int n, Incident incident) {
        out.append("\n#")
                .append(n)
                .append(' ')
                .append(incident.kind())
                .append(" (lines ")
                .append(incident.firstLine())
                .append('-')
                .append(incident.lastLine())
                .append(incident.complete() ? "" : ", incomplete")
                .append("): ")
                .append(incident.headline())
                .append('\n');
        incident.task().ifPresent(task -> task(out, task));
        if (!incident.modules().isEmpty()) {
            out.append("  modules: ")
                    .append(incident.modules().stream()
                            .map(IncidentReport::module)
                            .collect(Collectors.joining(" ")))
                    .append('\n');
        }
        for (Frame frame : incident.frames()) {
            out.append(String.format(
                    "  %-18s %s%s%s  (%s)%n",
                    frame.grade(),
                    frame.symbol().orElse(frame.function()),
                    frame.module().map(m -> " [" + m + "]").orElse(""),
                    frame.stack().isEmpty() ? "" : " on " + frame.stack(),
                    frame.reason()));
        }
        for (CodeBytes code : incident.code()) {
            out.append("  code at RIP")
                    .append(code.ipAddress().isPresent() ? "" : " (RIP = 0)")
                    .append(":\n");
            out.append(listing(code.decoded()).indent(4));
        }
        for (FtraceBug bug : incident.ftraceBugs()) {
            out.append("  ")
                    .append(bug.message())
                    .append(' ')
                    .append(
                            bug.address().isPresent()
                                    ? Long.toHexString(bug.address().getAsLong())
                                    : "(address lost)")
                    .append(' ')
                    .append(bug.symbol().orElse(""))
                    .append('\n');
            out.append("    actual:   ")
                    .append(bug.actual())
                    .append('\n')
                    .append(listing(bug.actualDecoded()).indent(6));
            if (!bug.expected().isEmpty()) {
                out.append("    expected: ")
                        .append(bug.expected())
                        .append('\n')
                        .append(listing(bug.expectedDecoded()).indent(6));
            }
        }
    }

    private static void task(StringBuilder out, Task task) {
        out.append("  task: ").append(task.comm()).append(" pid ").append(task.pid());
        task.cpu().ifPresent(cpu -> out.append(" cpu ").append(cpu));
        out.append(task.kernelRelease().isEmpty() ? "" : ", kernel " + task.kernelRelease())
                .append('\n');
        out.append("  taint: ")
                .append(task.taint().tainted() ? task.taint().field() : "none")
                .append('\n');
        task.taint().explained().forEach(line -> out.append("    ").append(line).append('\n'));
    }

    private static String module(LoadedModule module) {
        String marks = module.taints().stream()
                        .map(f -> String.valueOf(f.letter()))
                        .sorted()
                        .collect(Collectors.joining())
                + (module.loading() ? "+" : "")
                + (module.unloading() ? "-" : "");
        return marks.isEmpty() ? module.name() : module.name() + "(" + marks + ")";
    }

    static String listing(List<Instruction> instructions) {
        if (instructions.size() == 1) {
            return instructions.get(0).text();
        }
        return instructions.stream()
                .map(i -> String.format("%x: %-24s %s", i.address(), i.hex(), i.text()))
                .collect(Collectors.joining("\n"));
    }

    static String json(List<Instruction> instructions) {
        return instructions.stream()
                .map(i -> String.format(
                        Locale.ROOT,
                        "{\"address\":\"%x\",\"bytes\":%s,\"text\":%s}",
                        i.address(),
                        JsonText.quote(i.hex()),
                        JsonText.quote(i.text())))
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** The whole report as one JSON object, for scripts. */
    static String json(String file, KernelLog log) {
        StringBuilder out = new StringBuilder();
        out.append("{\"file\":")
                .append(JsonText.quote(file))
                .append(",\"lines\":")
                .append(log.lines())
                .append(",\"unplaced\":")
                .append(log.problems().stream()
                        .map(p -> JsonText.quote(p.toString()))
                        .collect(Collectors.joining(",", "[", "]")))
                .append(",\"incidents\":")
                .append(log.incidents().stream()
                        .map(IncidentReport::incidentJson)
                        .collect(Collectors.joining(",", "[", "]")))
                .append('}');
        return out.toString();
    }

    private static String incidentJson(Incident incident) {
        StringBuilder out = new StringBuilder("{");
        out.append("\"kind\":")
                .append(JsonText.quote(incident.kind().toString()))
                .append(",\"headline\":")
                .append(JsonText.quote(incident.headline()))
                .append(",\"firstLine\":")
                .append(incident.firstLine())
                .append(",\"lastLine\":")
                .append(incident.lastLine())
                .append(",\"complete\":")
                .append(incident.complete())
                .append(",\"task\":")
                .append(incident.task().map(IncidentReport::taskJson).orElse("null"))
                .append(",\"modules\":")
                .append(incident.modules().stream()
                        .map(IncidentReport::moduleJson)
                        .collect(Collectors.joining(",", "[", "]")))
                .append(",\"frames\":")
                .append(incident.frames().stream()
                        .map(IncidentReport::frameJson)
                        .collect(Collectors.joining(",", "[", "]")))
                .append(",\"code\":")
                .append(incident.code().stream()
                        .map(c -> "{\"line\":" + c.line() + ",\"bytes\":" + JsonText.quote(c.hex()) + ",\"ip\":"
                                + (c.ipAddress().isPresent()
                                        ? JsonText.quote(
                                                Long.toHexString(c.ipAddress().getAsLong()))
                                        : "null")
                                + ",\"decoded\":" + json(c.decoded()) + "}")
                        .collect(Collectors.joining(",", "[", "]")))
                .append(",\"ftraceBugs\":")
                .append(incident.ftraceBugs().stream()
                        .map(IncidentReport::ftraceJson)
                        .collect(Collectors.joining(",", "[", "]")))
                .append('}');
        return out.toString();
    }

    private static String taskJson(Task task) {
        return "{\"comm\":" + JsonText.quote(task.comm()) + ",\"pid\":" + task.pid() + ",\"cpu\":"
                + (task.cpu().isPresent() ? Integer.toString(task.cpu().getAsInt()) : "null") + ",\"kernel\":"
                + JsonText.quote(task.kernelRelease()) + ",\"taint\":{\"field\":"
                + JsonText.quote(task.taint().field())
                + ",\"tainted\":" + task.taint().tainted() + ",\"flags\":"
                + task.taint().flags().stream()
                        .sorted()
                        .map(f -> "{\"letter\":" + JsonText.quote(String.valueOf(f.letter())) + ",\"name\":"
                                + JsonText.quote(f.name()) + ",\"meaning\":" + JsonText.quote(f.meaning()) + "}")
                        .collect(Collectors.joining(",", "[", "]"))
                + ",\"explained\":"
                + task.taint().explained().stream().map(JsonText::quote).collect(Collectors.joining(",", "[", "]"))
                + "}}";
    }

    private static String moduleJson(LoadedModule module) {
        return "{\"name\":" + JsonText.quote(module.name()) + ",\"taints\":"
                + module.taints().stream()
                        .sorted()
                        .map(f -> JsonText.quote(String.valueOf(f.letter())))
                        .collect(Collectors.joining(",", "[", "]"))
                + ",\"loading\":" + module.loading() + ",\"unloading\":" + module.unloading() + "}";
    }

    private static String frameJson(Frame frame) {
        return "{\"line\":" + frame.line() + ",\"address\":"
                + (frame.address().isPresent()
                        ? JsonText.quote(Long.toHexString(frame.address().getAsLong()))
                        : "null")
                + ",\"symbol\":" + frame.symbol().map(JsonText::quote).orElse("null") + ",\"function\":"
                + JsonText.quote(frame.function()) + ",\"module\":"
                + frame.module().map(JsonText::quote).orElse("null") + ",\"stack\":" + JsonText.quote(frame.stack())
                + ",\"grade\":" + JsonText.quote(frame.grade().toString()) + ",\"reason\":"
                + JsonText.quote(frame.reason()) + "}";
    }

    private static String ftraceJson(FtraceBug bug) {
        return "{\"line\":" + bug.line() + ",\"message\":" + JsonText.quote(bug.message()) + ",\"address\":"
                + (bug.address().isPresent()
                        ? JsonText.quote(Long.toHexString(bug.address().getAsLong()))
                        : "null")
                + ",\"symbol\":" + bug.symbol().map(JsonText::quote).orElse("null") + ",\"actual\":"
                + JsonText.quote(bug.actual()) + ",\"actualDecoded\":" + json(bug.actualDecoded()) + ",\"expected\":"
                + JsonText.quote(bug.expected()) + ",\"expectedDecoded\":" + json(bug.expectedDecoded()) + "}";
    }
}
