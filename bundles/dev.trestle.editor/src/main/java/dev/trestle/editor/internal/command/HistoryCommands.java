package dev.trestle.editor.internal.command;

import dev.trestle.core.command.CommandFailure;
import dev.trestle.editor.history.HistoryService;
import dev.trestle.editor.history.Version;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code history:list} and {@code history:keep}: the saved versions of a file in the workbench's local history, and
 * keeping the file's current content as one, as a save in the editor does.
 */
@Component(
        service = HistoryCommands.class,
        property = {
            "osgi.command.scope=history",
            "osgi.command.function=list",
            "osgi.command.function=keep",
            "osgi.command.function=restore"
        })
public final class HistoryCommands {
    static final String STATE_DIR_PROPERTY = "trestle.state.dir";

    private final HistoryService histories;
    private final Path stateDirectory;

    @Activate
    public HistoryCommands(@Reference HistoryService histories, BundleContext context) {
        this(histories, stateDirectory(context.getProperty(STATE_DIR_PROPERTY)));
    }

    HistoryCommands(HistoryService histories, Path stateDirectory) {
        this.histories = histories;
        this.stateDirectory = stateDirectory;
    }

    /** The launcher sets the property; without it, the XDG default the launcher would have chosen. */
    static Path stateDirectory(String property) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "trestle");
    }

    @Descriptor("keep FILE's current content in the local history, as a save in the editor does")
    public String keep(@Descriptor("FILE") String... args) throws IOException {
        if (args.length != 1) {
            throw Usage.wrong("history keep FILE", args);
        }
        Path path = path(args[0]);
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw CommandFailure.usage("not a file: " + args[0]);
        }
        Version kept = histories.localHistory(stateDirectory).keep(path).orElseThrow();
        return "kept " + path + ": " + line(kept);
    }

    @Descriptor("put back saved version N of FILE (1 is the newest, as history list numbers them); what FILE holds"
            + " now is kept as a version first")
    public String restore(@Descriptor("FILE [N]") String... args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw Usage.wrong("history restore FILE [N]", args);
        }
        Path path = path(args[0]);
        List<Version> versions = histories.localHistory(stateDirectory).versions(path);
        int n;
        try {
            n = args.length == 2 ? Integer.parseInt(args[1]) : 1;
        } catch (NumberFormatException e) {
            throw CommandFailure.usage("N is not a number: " + args[1]);
        }
        if (versions.isEmpty()) {
            throw CommandFailure.finding("no saved versions of " + path + " in " + stateDirectory);
        }
        if (n < 1 || n > versions.size()) {
            throw CommandFailure.usage("N must be 1 to " + versions.size() + " for " + path + ", found: " + n);
        }
        Version chosen = versions.get(n - 1);
        histories.localHistory(stateDirectory).restore(chosen, path);
        return "restored " + path + " to " + line(chosen);
    }

    private static Path path(String file) {
        try {
            return Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw CommandFailure.usage("FILE is not a path: " + file);
        }
    }

    @Descriptor(
            "list the saved versions of FILE, newest first and numbered as 'history restore FILE N' takes them: time,"
                    + " size and content digest (also for a deleted FILE)")
    public String list(@Descriptor("FILE") String... args) throws IOException {
        if (args.length != 1) {
            throw Usage.wrong("history list FILE", args);
        }
        Path path = path(args[0]);
        List<Version> versions = histories.localHistory(stateDirectory).versions(path);
        if (versions.isEmpty()) {
            return "no saved versions of " + path + " in " + stateDirectory;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < versions.size(); i++) {
            out.append(i == 0 ? "" : "\n").append(String.format("%3d  ", i + 1)).append(line(versions.get(i)));
        }
        return out.toString();
    }

    static String line(Version version) {
        return version.time().truncatedTo(ChronoUnit.SECONDS) + "  " + String.format("%10d", version.size())
                + " bytes  "
                + version.sha256().substring(0, Math.min(12, version.sha256().length()));
    }
}
