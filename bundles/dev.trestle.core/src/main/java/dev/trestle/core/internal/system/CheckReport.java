package dev.trestle.core.internal.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * With the framework property {@value #REPORT_PROPERTY} set, writes the {@link SystemCheck} to that file once
 * the framework has settled (no bundle changed state for a while). This is how a product without a command
 * line of its own, the workbench, is checked from outside; without the property it does nothing.
 */
@Component(immediate = true)
public final class CheckReport {
    static final String REPORT_PROPERTY = "trestle.check.report";
    private static final long SETTLED_MILLIS = 500;
    private static final long GIVE_UP_MILLIS = 30_000;
    private volatile Thread waiter;

    @Activate
    public CheckReport(BundleContext context, @Reference ServiceComponentRuntime components) {
        String target = context.getProperty(REPORT_PROPERTY);
        if (target == null || target.isBlank()) {
            return;
        }
        SystemCheck check = new SystemCheck(context, components);
        waiter = new Thread(() -> writeWhenSettled(context, check, Path.of(target)), "trestle-check-report");
        waiter.setDaemon(true);
        waiter.start();
    }

    @Deactivate
    void deactivate() {
        Thread thread = waiter;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private static void writeWhenSettled(BundleContext context, SystemCheck check, Path target) {
        long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
        String last = "";
        long stableSince = System.currentTimeMillis();
        try {
            while (System.currentTimeMillis() < deadline) {
                String states = states(context);
                if (!states.equals(last)) {
                    last = states;
                    stableSince = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - stableSince >= SETTLED_MILLIS) {
                    break;
                }
                Thread.sleep(50);
            }
            SystemCheck.Report report = check.run();
            Files.writeString(
                    target,
                    (report.healthy() ? "healthy\n" : "unhealthy\n") + report.text() + "\n",
                    StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | IllegalStateException e) {
            System.getLogger(CheckReport.class.getName())
                    .log(System.Logger.Level.ERROR, "cannot write the check report to " + target, e);
        }
    }

    private static String states(BundleContext context) {
        StringBuilder text = new StringBuilder();
        for (Bundle bundle : context.getBundles()) {
            text.append(bundle.getBundleId())
                    .append(':')
                    .append(bundle.getState())
                    .append(' ');
        }
        return text.toString();
    }
}
