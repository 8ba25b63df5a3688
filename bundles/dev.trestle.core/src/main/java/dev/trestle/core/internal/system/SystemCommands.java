package dev.trestle.core.internal.system;

import dev.trestle.core.command.CommandFailure;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** {@code system:check}: is every bundle active and every component satisfied. */
@Component(
        service = SystemCommands.class,
        property = {"osgi.command.scope=system", "osgi.command.function=check"})
public final class SystemCommands {
    private final SystemCheck check;

    @Activate
    public SystemCommands(BundleContext context, @Reference ServiceComponentRuntime components) {
        this.check = new SystemCheck(context, components);
    }

    @Descriptor("check that every bundle is active and every component satisfied; exit status 1 if not")
    public String check() {
        SystemCheck.Report report = check.run();
        if (!report.healthy()) {
            throw CommandFailure.finding(report.text());
        }
        return report.text();
    }
}
