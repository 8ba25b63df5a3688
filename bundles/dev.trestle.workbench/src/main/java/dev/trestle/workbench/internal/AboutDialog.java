package dev.trestle.workbench.internal;

import dev.trestle.workbench.widgets.ViewerColumns;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** What is running: every bundle of the framework with its id, name, version and state. */
final class AboutDialog extends Dialog {
    private final Optional<BundleContext> framework;

    AboutDialog(Shell parent, Optional<BundleContext> framework) {
        super(parent);
        this.framework = framework;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About Trestle");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        new Label(area, SWT.WRAP).setText("Trestle — a workbench for native-code developers. Installed bundles:");
        TableViewer table = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.getTable().setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(640, 360).applyTo(table.getControl());
        table.setContentProvider(ArrayContentProvider.getInstance());
        ViewerColumns.text(table, Bundle.class, "Id", 50, b -> Long.toString(b.getBundleId()));
        ViewerColumns.text(table, Bundle.class, "Symbolic name", 320, Bundle::getSymbolicName);
        ViewerColumns.text(
                table, Bundle.class, "Version", 160, b -> b.getVersion().toString());
        ViewerColumns.text(table, Bundle.class, "State", 90, b -> stateName(b.getState()));
        List<Bundle> bundles = framework
                .map(context -> Arrays.stream(context.getBundles())
                        .sorted(Comparator.comparingLong(Bundle::getBundleId))
                        .toList())
                .orElse(List.of());
        table.setInput(bundles);
        if (framework.isEmpty()) {
            new Label(area, SWT.NONE).setText("Not running in an OSGi framework.");
        }
        return area;
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "state " + state;
        };
    }
}
