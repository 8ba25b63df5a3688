package dev.trestle.trace.ui.internal;

import dev.trestle.trace.kernel.Incident;
import dev.trestle.trace.kernel.LoadedModule;
import dev.trestle.trace.kernel.Task;
import java.util.stream.Collectors;

/** The words about an incident that are not tables: its task, what its taint letters mean, modules and details. */
final class IncidentDetails {
    private IncidentDetails() {}

    static String process(Incident incident) {
        return incident.task().map(t -> t.comm() + " (pid " + t.pid() + ")").orElse("");
    }

    static String taint(Incident incident) {
        return incident.task()
                .map(Task::taint)
                .map(t -> t.tainted() ? t.field() + ": " + t.explained().size() + " flag(s)" : "not tainted")
                .orElse("");
    }

    static String text(Incident incident) {
        StringBuilder out = new StringBuilder();
        out.append(incident.headline()).append('\n');
        out.append("Lines ").append(incident.firstLine()).append('-').append(incident.lastLine());
        out.append(incident.complete() ? "" : " (cut short: no end marker)").append('\n');
        incident.task().ifPresent(task -> {
            out.append("Task ").append(task.comm()).append(", pid ").append(task.pid());
            task.cpu().ifPresent(cpu -> out.append(", CPU ").append(cpu));
            out.append(task.kernelRelease().isEmpty() ? "" : ", kernel " + task.kernelRelease())
                    .append('\n');
            if (task.taint().tainted()) {
                out.append("Tainted ").append(task.taint().field()).append(":\n");
                task.taint()
                        .explained()
                        .forEach(line -> out.append("  ").append(line).append('\n'));
            } else {
                out.append("Not tainted\n");
            }
        });
        if (!incident.modules().isEmpty()) {
            out.append("Modules: ")
                    .append(incident.modules().stream().map(LoadedModule::name).collect(Collectors.joining(" ")))
                    .append('\n');
        }
        incident.lastUnloaded()
                .ifPresent(m -> out.append("Last unloaded: ").append(m).append('\n'));
        incident.details().forEach(d -> out.append(d).append('\n'));
        return out.toString().stripTrailing();
    }
}
