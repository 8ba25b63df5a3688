package dev.trestle.editor.history;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens histories kept under a state directory (the workbench's, never the user's source tree): edit journals under
 * {@code history/}, saved versions under {@code local-history/}.
 */
@ProviderType
public interface HistoryService {
    /**
     * Opens the undo history of {@code file}, restoring it when the file still has content the history has seen
     * ({@code fileSha256}, see {@link FileStamp}); otherwise a new {@link Epoch} begins and the old one stays readable.
     */
    EditHistory openEditHistory(Path stateDirectory, Path file, String fileSha256) throws IOException;

    LocalHistory localHistory(Path stateDirectory);
}
