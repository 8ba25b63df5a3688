package dev.trestle.trace.internal.logs;

import dev.trestle.core.command.CommandArguments;
import dev.trestle.trace.TracesTouching;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;

/** {@code trace:touched}: the traces of a project's builds that touched a file, newest first. */
@Component(
        service = TouchedCommands.class,
        property = {"osgi.command.scope=trace", "osgi.command.function=touched"})
public final class TouchedCommands {
    @Descriptor("the trace logs in PROJECT_DIR/" + TracesTouching.DIRECTORY + " that touched FILE, newest first")
    public String touched(@Descriptor("project directory") String dir, @Descriptor("file") String file)
            throws IOException {
        Path root = CommandArguments.directory(dir);
        Path target = CommandArguments.path(file).toAbsolutePath().normalize();
        List<Path> logs = TracesTouching.find(root.resolve(TracesTouching.DIRECTORY), target);
        if (logs.isEmpty()) {
            return "no trace in " + root.resolve(TracesTouching.DIRECTORY) + " touched " + target;
        }
        return logs.stream().map(Path::toString).collect(Collectors.joining("\n"));
    }
}
