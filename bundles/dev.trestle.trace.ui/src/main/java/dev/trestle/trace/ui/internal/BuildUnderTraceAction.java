package dev.trestle.trace.ui.internal;

import dev.trestle.core.jobs.JobHandle;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.PlatformSpec;
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
    static final String INSTALL_STRACE =
            "strace is not installed. Install it with 'apt-get install strace' (Debian, Ubuntu) or 'dnf install"
                    + " strace' (Fedora), then build under trace again.";

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
        Path makefile = root.resolve("build").resolve(platform(root)).resolve("Makefile");
        if (!Files.isRegularFile(makefile)) {
            context.showError("No " + root.relativize(makefile) + ": generate the makefile first (Build view)", null);
            return;
        }
        if (!straceRuns()) {
            context.showError(INSTALL_STRACE, null);
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
                    logs.open(outcome.log());
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
        Process make = new ProcessBuilder(
                        "strace",
                        "-f",
                        "-o",
                        log.toString(),
                        "--",
                        "make",
                        "-C",
                        makefile.getParent().toString(),
                        "-j2")
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

    static String platform(Path root) throws IOException {
        Path file = DescriptionFormat.fileOf(root);
        if (!Files.exists(file)) {
            return PlatformSpec.linuxGcc().name();
        }
        return DescriptionFormat.read(file).platforms().stream()
                .findFirst()
                .map(PlatformSpec::name)
                .orElse(PlatformSpec.linuxGcc().name());
    }

    private static boolean straceRuns() {
        try {
            Process probe = new ProcessBuilder("strace", "-f", "-o", "/dev/null", "true")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
