package dev.trestle.make.description;

import java.util.List;

/**
 * A custom command of the description: it writes {@code outputs} (paths inside the build directory's {@code gen/}
 * directory, which is on every unit's include path) from {@code inputs} (paths below the project root) by running
 * {@code run}. See the package documentation for the placeholders {@code run} may use.
 */
public record CommandSpec(String name, List<String> outputs, List<String> inputs, List<String> run) {
    public CommandSpec {
        outputs = List.copyOf(outputs);
        inputs = List.copyOf(inputs);
        run = List.copyOf(run);
    }
}
