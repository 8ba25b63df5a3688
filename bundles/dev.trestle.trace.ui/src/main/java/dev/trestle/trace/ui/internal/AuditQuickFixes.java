package dev.trestle.trace.ui.internal;

import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.generate.MakefileGenerator;
import dev.trestle.model.Annotation;
import dev.trestle.trace.audit.IncludeFix;
import dev.trestle.trace.audit.IncludeFixes;
import dev.trestle.workbench.QuickFixContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The quick fix of an audit finding: the include directory goes into the build description, and the makefile is
 * generated again, so that it declares the header. The next build under trace shows the audit clean.
 */
@Component(service = QuickFixContribution.class)
public final class AuditQuickFixes implements QuickFixContribution {
    private final AuditFindings findings;
    private final MakefileGenerator generator;

    @Activate
    public AuditQuickFixes(@Reference AuditFindings findings, @Reference MakefileGenerator generator) {
        this.findings = findings;
        this.generator = generator;
    }

    @Override
    public List<QuickFix> fixesFor(Annotation annotation) {
        return findings.fixOf(annotation).<QuickFix>map(this::includePath).stream()
                .toList();
    }

    private QuickFix includePath(IncludeFix fix) {
        return new QuickFix() {
            @Override
            public String label() {
                return "Add '" + fix.includeDir() + "' to the include paths of " + fix.target()
                        + " and generate the makefile again";
            }

            @Override
            public void apply(WorkbenchContext context) {
                Path root = Path.of(context.project().orElseThrow().getRoot());
                context.jobs()
                        .schedule(label(), progress -> {
                            var description = IncludeFixes.apply(root, List.of(fix));
                            return generator.generate(root, description, DescriptionFormat.defaultPlatform(root));
                        })
                        .result()
                        .whenComplete((makefile, failure) -> context.asyncExec(() -> {
                            if (failure != null) {
                                context.showError("Cannot apply: " + label(), failure);
                            } else {
                                context.project().ifPresent(p -> findings.resolved(p, fix));
                            }
                        }));
            }
        };
    }
}
