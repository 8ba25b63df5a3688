package dev.trestle.editor.internal.xref;

import dev.trestle.editor.xref.SymbolIndex;
import dev.trestle.editor.xref.SymbolIndexService;
import java.nio.file.Path;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Indexes hold no shared state, so the service only creates them; the caller decides when to refresh. */
@Component(service = SymbolIndexService.class)
public final class SymbolIndexServiceImpl implements SymbolIndexService {
    @Override
    public SymbolIndex open(Path root) {
        return new SymbolIndexImpl(Objects.requireNonNull(root, "root"));
    }
}
