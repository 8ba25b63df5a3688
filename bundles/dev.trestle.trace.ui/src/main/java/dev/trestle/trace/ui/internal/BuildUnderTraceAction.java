package dev.trestle.trace.ui.internal;

import dev.trestle.core.jobs.JobHandle;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.generate.MakeInvocation;
import dev.trestle.model.Project;
import dev.trestle.trace.audit.AuditReport;
import dev.trestle.trace.audit.BuildAudit;
import dev.trestle.trace.audit.IncludeFix;
import dev.trestle.trace.audit.IncludeFixes;
import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Build &gt; Build Under Trace: runs the generated makefile under {@code strace -f}, opens the log in the Trace view,
 * and audits it: every header the compilers read that the makefile does not declare becomes an annotation on its
 * unit, with the include-path fix as a quick fix. Says how to install strace when it is missing.
 */
@Component(service = {ActionContribution.class, BuildUnderTraceAction.class})
public final class BuildUnderTraceAction implements ActionContribution {

    private final TraceLogs logs;
    private final AuditFindings findings;
    private JobHandle<Outcome> running;

    /** What a traced build left: its log, make's status and the audit. */
    public record Outcome(Path log, int exitCode, String output, AuditReport report, List<IncludeFix> fixes) {}

    @Activate
    public BuildUnderTraceAction(@Reference TraceLogs logs, @Reference AuditFindings findings) {
        this.logs = logs;
        this.findings = findings;
    }

    @Override
    public String id() {
        return "dev.trestle.trace.buildUnderTrace";
    }

    @Override
    public String menuPath() {
        return "Build";
    }

    @Override
    public String label() {
        return "Build Under Trace";
    }

    @Override
    public void run(WorkbenchContext context) throws IOException {
        Optional<Project> project = context.project().filter(p -> p.getRoot() != null);
        if (project.isEmpty()) {
            context.showError("Open a project to build it under trace", null);
            return;
        }
        if (running != null && !running.result().isDone()) {
            context.showError("A build under trace is already running", null);
            return;
        }
        Path root = Path.of(project.get().getRoot());
        Path makefile = root.resolve("build")
                .resolve(DescriptionFormat.defaultPlatform(root))
                .resolve("Makefile");
        if (!Files.isRegularFile(makefile)) {
            context.showError("No " + root.relativize(makefile) + ": generate the makefile first (Build view)", null);
            return;
        }
        Optional<String> strace = MakeInvocation.straceProblem();
        if (strace.isPresent()) {
            context.showError(strace.get(), null);
            return;
        }
        Path log = root.resolve("build/traces")
                .resolve("build-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + ".strace");
        running = context.jobs().schedule("Build under trace", progress -> traced(root, makefile, log));
        running.result()
                .whenComplete((outcome, failure) -> context.asyncExec(() -> {
                    if (failure != null) {
                        context.showError("Build under trace failed", failure);
                        return;
                    }
                    logs.open(outcome.log(), context).ifPresent(message -> context.showError(message, null));
                    context.project()
                            .filter(p -> root.toString().equals(p.getRoot()))
                            .ifPresent(p -> findings.replace(p, outcome.report(), outcome.fixes()));
                }));
    }

    /** The running or last traced build, for the Build view and tests. */
    public Optional<JobHandle<Outcome>> running() {
        return Optional.ofNullable(running);
    }

    private Outcome traced(Path root, Path makefile, Path log) throws Exception {
        Files.createDirectories(log.getParent());
        Process make = new ProcessBuilder(MakeInvocation.command(makefile, 2, log, List.of()))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        make.getOutputStream().close();
        String output = new String(make.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int exit = make.waitFor();
        AuditReport report = new BuildAudit(findings.scanner()).run(root, log);
        List<IncludeFix> fixes = new IncludeFixes(findings.scanner()).find(report);
        return new Outcome(log, exit, output, report, fixes);
    }
}
