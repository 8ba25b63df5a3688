package dev.trestle.editor.internal.command;

import dev.trestle.core.command.CommandArguments;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.editor.xref.Occurrence;
import dev.trestle.editor.xref.Refresh;
import dev.trestle.editor.xref.SymbolIndex;
import dev.trestle.editor.xref.SymbolIndexService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code xref:find}: definitions and references of a symbol; {@code xref:symbols}: the definitions of every file
 * under a directory, file by file (the Symbols view's browser, headless). Both in the grep-like form editors and
 * terminals link.
 */
@Component(
        service = XrefCommands.class,
        property = {"osgi.command.scope=xref", "osgi.command.function=find", "osgi.command.function=symbols"})
public final class XrefCommands {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final SymbolIndexService indexes;

    @Activate
    public XrefCommands(@Reference SymbolIndexService indexes) {
        this.indexes = indexes;
    }

    @Descriptor("print the definitions, then the references, of a C/C++/Objective-C symbol in the files under DIR")
    public String find(@Descriptor("DIR SYMBOL") String... args) throws IOException {
        if (args.length != 2) {
            throw Usage.wrong("xref find DIR SYMBOL", args);
        }
        Path root = CommandArguments.directory(args[0]);
        String symbol = args[1];
        if (!IDENTIFIER.matcher(symbol).matches()) {
            throw CommandFailure.usage("SYMBOL is not an identifier: '" + symbol + "'");
        }
        SymbolIndex index = indexes.open(root);
        Refresh refresh = index.refresh();
        List<Occurrence> found = new ArrayList<>(index.definitions(symbol));
        found.addAll(index.references(symbol));
        if (found.isEmpty()) {
            throw CommandFailure.finding(
                    "no definition or reference of " + symbol + " in " + refresh.files() + " files under " + root);
        }
        StringBuilder out = new StringBuilder(OccurrenceLines.format(root, found));
        refresh.failures().forEach(failure -> out.append("\nunreadable: ").append(failure));
        return out.toString();
    }

    @Descriptor("print the definitions in every C/C++/Objective-C file under DIR, or under DIR's FILE or directory")
    public String symbols(@Descriptor("DIR [FILE|SUBDIR]") String... args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw Usage.wrong("xref symbols DIR [FILE|SUBDIR]", args);
        }
        Path root = CommandArguments.directory(args[0]);
        Path under = args.length == 2 ? root.resolve(args[1]).normalize() : root;
        if (!under.startsWith(root)) {
            throw CommandFailure.usage(args[1] + " is not inside " + root);
        }
        SymbolIndex index = indexes.open(root);
        Refresh refresh = index.refresh();
        List<Occurrence> found = new ArrayList<>();
        for (Path file : index.files()) {
            if (file.startsWith(under)) {
                found.addAll(index.symbols(file));
            }
        }
        if (found.isEmpty()) {
            throw CommandFailure.finding("no definitions under " + under + " (" + refresh.files() + " files indexed)");
        }
        StringBuilder out = new StringBuilder(OccurrenceLines.format(root, found));
        refresh.failures().forEach(failure -> out.append("\nunreadable: ").append(failure));
        return out.toString();
    }
}
