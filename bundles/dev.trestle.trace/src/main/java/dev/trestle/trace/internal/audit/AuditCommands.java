package dev.trestle.trace.internal.audit;

import dev.trestle.core.command.CommandArguments;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.make.deps.DependencyScanner;
import dev.trestle.make.description.DescriptionException;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.trace.audit.AuditReport;
import dev.trestle.trace.audit.BuildAudit;
import dev.trestle.trace.audit.IncludeFix;
import dev.trestle.trace.audit.IncludeFixes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code trace:audit}: the headers a traced build's compilers opened against the dependencies it declares. */
@Component(
        service = AuditCommands.class,
        property = {"osgi.command.scope=trace", "osgi.command.function=audit"})
public final class AuditCommands {
    private static final String USAGE = "usage: trace audit [--json] [--fix] PROJECT_DIR STRACE_LOG";

    private final BuildAudit audit;
    private final IncludeFixes fixes;

    @Activate
    public AuditCommands(@Reference DependencyScanner scanner) {
        this.audit = new BuildAudit(scanner);
        this.fixes = new IncludeFixes(scanner);
    }

    @Descriptor(
            "compare the headers each compiler opened in an strace -f log of a build with the declared dependencies")
    public String audit(CommandSession session, @Descriptor("[--json] [--fix] PROJECT_DIR STRACE_LOG") String... args)
            throws IOException {
        return audit(session.getConsole(), args);
    }

    /** {@code trace:audit}; the report goes to {@code console} when the status is 1, so that both are seen. */
    String audit(PrintStream console, String... args) throws IOException {
        boolean json = false;
        boolean fix = false;
        List<String> operands = new ArrayList<>();
        for (String arg : args == null ? new String[0] : args) {
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("--fix")) {
                fix = true;
            } else if (arg.startsWith("-")) {
                throw CommandFailure.usage("unexpected option " + arg + "; " + USAGE);
            } else {
                operands.add(arg);
            }
        }
        if (operands.size() != 2) {
            throw CommandFailure.usage(USAGE);
        }
        Path root = CommandArguments.directory(operands.get(0));
        Path log = CommandArguments.file(operands.get(1));
        AuditReport report;
        try {
            report = audit.run(root, log);
        } catch (DescriptionException e) {
            throw CommandFailure.badInput(e.getMessage(), e);
        }
        if (report.parse().notATrace()) {
            var first = report.parse().firstProblems().get(0);
            throw CommandFailure.usage(
                    "not an strace log: " + log + " (line " + first.lineNumber() + ": " + first.reason() + ")");
        }
        String out = json ? AuditRender.json(report) : AuditRender.table(report);
        if (report.missingCount() == 0) {
            return out;
        }
        List<IncludeFix> found;
        try {
            found = fixes.find(report);
            if (fix && !found.isEmpty()) {
                IncludeFixes.apply(root, found);
            }
        } catch (DescriptionException e) {
            throw CommandFailure.badInput(e.getMessage(), e);
        }
        // the report is the command's output; the failure line only says why the status is 1
        console.print(out);
        for (IncludeFix one : found) {
            console.println((fix ? "applied " : "") + one.describe(root));
        }
        if (fix && !found.isEmpty()) {
            return "fixed " + DescriptionFormat.fileOf(root) + "; now run: make generate " + root;
        }
        throw CommandFailure.finding(report.missingCount() + " missing dependencies"
                + (found.isEmpty() ? "" : "; trace audit --fix applies the " + found.size() + " fix(es) above"));
    }
}
