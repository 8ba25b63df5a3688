package dev.trestle.cli.internal;

import dev.trestle.cli.internal.server.WarmServer;
import dev.trestle.core.command.ExitStatus;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

/**
 * The headless product's main: the bnd launcher calls it on the JVM's main thread ({@code main.thread=true})
 * with the command line in its {@code launcher.arguments} service, and exits with the returned status.
 */
@Component(service = Callable.class, property = "main.thread=true")
public final class HeadlessMain implements Callable<Integer> {
    static final String VERSION_PROPERTY = "trestle.version";
    static final String STATE_DIR_PROPERTY = "trestle.state.dir";
    private static final String GOGO_SHELL = "org.apache.felix.gogo.shell";

    private final BundleContext context;
    private final CommandProcessor processor;
    private final List<String> arguments;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Activate
    public HeadlessMain(
            BundleContext context,
            @Reference CommandProcessor processor,
            @Reference(
                            service = Object.class,
                            target = "(launcher.arguments=*)",
                            cardinality = ReferenceCardinality.OPTIONAL)
                    Map<String, Object> launcher) {
        this.context = context;
        this.processor = processor;
        Object args = launcher == null ? null : launcher.get("launcher.arguments");
        this.arguments = args instanceof String[] array ? List.of(array) : List.of();
    }

    @Deactivate
    void deactivate() {
        stopped.countDown();
    }

    @Override
    public Integer call() throws InterruptedException {
        // The file descriptors themselves, not System.out: Gogo swaps System.out for a stream that writes to the
        // session's, so a session made with System.out would loop when a command prints while it runs.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return run(arguments, out, err);
    }

    int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.isEmpty()) {
            err.print(Help.overview(new CommandCatalog(context)));
            return ExitStatus.USAGE;
        }
        String first = args.get(0);
        switch (first) {
            case "--help", "-h", "help" -> {
                out.print(Help.overview(new CommandCatalog(context)));
                return ExitStatus.OK;
            }
            case "--version", "-V" -> {
                out.println("trestle " + version());
                return ExitStatus.OK;
            }
            case "shell" -> {
                return shell(err);
            }
            case "server" -> {
                return server(args, out, err);
            }
            default -> {
                return command(args, out, err);
            }
        }
    }

    private int command(List<String> args, PrintStream out, PrintStream err) {
        CommandCatalog catalog = new CommandCatalog(context);
        String area = args.get(0);
        if (!catalog.areas().contains(area)) {
            err.println("trestle: unknown command '" + area + "'; areas: " + String.join(", ", catalog.areas())
                    + " (see trestle --help)");
            return ExitStatus.USAGE;
        }
        if (args.size() == 1 || args.get(1).equals("--help") || args.get(1).equals("-h")) {
            boolean asked = args.size() > 1;
            (asked ? out : err).print(Help.area(catalog, area));
            return asked ? ExitStatus.OK : ExitStatus.USAGE;
        }
        String name = args.get(1);
        return catalog.find(area, name)
                .map(command ->
                        new CommandRunner(processor, System.in, out, err).run(command, args.subList(2, args.size())))
                .orElseGet(() -> {
                    err.println("trestle: unknown command '" + area + " " + name + "'; " + area + " has: "
                            + String.join(
                                    ", ",
                                    catalog.commands(area).stream()
                                            .map(CommandInfo::name)
                                            .toList()));
                    return ExitStatus.USAGE;
                });
    }

    /** {@code server run}: the resident server the launcher's {@code server start} runs in the background. */
    private int server(List<String> args, PrintStream out, PrintStream err) {
        String state = System.getProperty(STATE_DIR_PROPERTY);
        if (args.size() != 2 || !args.get(1).equals("run") || state == null) {
            err.println("trestle: usage: trestle server start|status|stop");
            return ExitStatus.USAGE;
        }
        try {
            return new WarmServer(Path.of(state, "server"), this::run).serve(out);
        } catch (IOException | RuntimeException e) {
            err.println("trestle: the server failed: " + e.getMessage());
            return ExitStatus.FINDING;
        }
    }

    /** Starts the Gogo shell and waits until it stops the framework (its {@code exit}). */
    private int shell(PrintStream err) throws InterruptedException {
        Bundle shell = Arrays.stream(context.getBundles())
                .filter(b -> GOGO_SHELL.equals(b.getSymbolicName()))
                .findFirst()
                .orElse(null);
        if (shell == null) {
            err.println("trestle: this product has no Gogo shell bundle");
            return ExitStatus.USAGE;
        }
        try {
            // The shell waits above the framework's start level, so that commands never meet a console.
            int level = shell.adapt(BundleStartLevel.class).getStartLevel();
            FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
            if (framework.getStartLevel() < level) {
                CountDownLatch raised = new CountDownLatch(1);
                framework.setStartLevel(level, event -> raised.countDown());
                raised.await();
            }
            if (shell.getState() != Bundle.ACTIVE) {
                shell.start(Bundle.START_TRANSIENT);
            }
        } catch (BundleException e) {
            err.println("trestle: cannot start the Gogo shell: " + e.getMessage());
            return ExitStatus.FINDING;
        }
        stopped.await();
        return ExitStatus.OK;
    }

    private String version() {
        String version = context.getProperty(VERSION_PROPERTY);
        return version != null ? version : context.getBundle().getVersion().toString();
    }
}
