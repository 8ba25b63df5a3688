package dev.trestle.core.internal.system;

import dev.trestle.core.command.CommandFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * {@code system:check}: is every bundle active and every component satisfied. With the framework property
 * {@value #REPORT_PROPERTY} set, the same check is also written to that file once the framework has started,
 * which is how a product that has no command line of its own (the workbench) is checked from outside.
 */
@Component(
        service = SystemCommands.class,
        property = {"osgi.command.scope=system", "osgi.command.function=check"})
public final class SystemCommands {
    static final String REPORT_PROPERTY = "trestle.check.report";
    private final SystemCheck check;
    private final BundleContext context;
    private final FrameworkListener reportWhenStarted = this::reportWhenStarted;

    @Activate
    public SystemCommands(BundleContext context, @Reference ServiceComponentRuntime components) {
        this.context = context;
        this.check = new SystemCheck(context, components);
        if (context.getProperty(REPORT_PROPERTY) != null) {
            context.addFrameworkListener(reportWhenStarted);
            if (context.getBundle(0).getState() == org.osgi.framework.Bundle.ACTIVE) {
                writeReport();
            }
        }
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(reportWhenStarted);
    }

    @Descriptor("check that every bundle is active and every component satisfied; exit status 1 if not")
    public String check() {
        SystemCheck.Report report = check.run();
        if (!report.healthy()) {
            throw CommandFailure.finding(report.text());
        }
        return report.text();
    }

    private void reportWhenStarted(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTED || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            writeReport();
        }
    }

    private void writeReport() {
        Path file = Path.of(context.getProperty(REPORT_PROPERTY));
        SystemCheck.Report report = check.run();
        try {
            Files.writeString(
                    file,
                    (report.healthy() ? "healthy\n" : "unhealthy\n") + report.text() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.getLogger(SystemCommands.class.getName())
                    .log(System.Logger.Level.ERROR, "cannot write the check report to " + file, e);
        }
    }
}
