package dev.trestle.editor.xref;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** Creates symbol indexes; each is empty until its first {@link SymbolIndex#refresh()}. */
@ProviderType
public interface SymbolIndexService {
    /** Files with these endings are indexed; C++ and Objective-C are read for their C constructs. */
    java.util.Set<String> EXTENSIONS = java.util.Set.of("c", "h", "cc", "cpp", "cxx", "hh", "hpp", "hxx", "m", "mm");

    SymbolIndex open(Path root);
}
