package dev.trestle.editor.internal.history;

import dev.trestle.editor.history.EditHistory;
import dev.trestle.editor.history.HistoryService;
import dev.trestle.editor.history.LocalHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.osgi.service.component.annotations.Component;

/** The histories as a service for the editor UI; they hold no state here, so any number may be open. */
@Component(service = HistoryService.class)
public final class HistoryServiceImpl implements HistoryService {
    @Override
    public EditHistory openEditHistory(Path stateDirectory, Path file, String fileSha256) throws IOException {
        return JournaledEditHistory.open(stateDirectory, file, fileSha256, Clock.systemUTC());
    }

    @Override
    public LocalHistory localHistory(Path stateDirectory) {
        return new LocalHistoryStore(stateDirectory, Clock.systemUTC());
    }
}
