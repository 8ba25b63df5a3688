package dev.trestle.backup;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A backup's outcome at one of several destinations.
 *
 * @param result the verified backup there, if it succeeded
 * @param failure why it failed there, if it did
 */
public record Delivery(Path destination, Optional<CreateResult> result, Optional<String> failure) {
    public boolean succeeded() {
        return result.isPresent();
    }
}
