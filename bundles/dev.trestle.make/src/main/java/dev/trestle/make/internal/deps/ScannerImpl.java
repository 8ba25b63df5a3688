package dev.trestle.make.internal.deps;

import dev.trestle.make.deps.DependencyScanner;
import dev.trestle.make.deps.ScanOptions;
import dev.trestle.make.deps.ScanResult;
import dev.trestle.make.deps.SearchPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** The scanner service: one directive cache shared by every scan, so repeated scans read only changed files. */
@Component(service = DependencyScanner.class)
public final class ScannerImpl implements DependencyScanner {
    private final DirectiveCache cache = new DirectiveCache();

    @Override
    public ScanResult scan(Path unit, ScanOptions options) throws IOException {
        cache.beginScan();
        return scanOne(unit.toAbsolutePath().normalize(), options);
    }

    @Override
    public Map<Path, ScanResult> scanAll(Collection<Path> units, ScanOptions options) throws IOException {
        cache.beginScan();
        List<Path> absolute =
                units.stream().map(u -> u.toAbsolutePath().normalize()).toList();
        Map<Path, ScanResult> results = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            absolute.parallelStream().forEach(unit -> {
                try {
                    results.put(unit, scanOne(unit, options));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<Path, ScanResult> ordered = new LinkedHashMap<>();
        absolute.forEach(unit -> ordered.put(unit, results.get(unit)));
        return ordered;
    }

    /** How many files were read from disk so far; a rescan of unchanged files reads none. */
    public long reads() {
        return cache.reads();
    }

    private ScanResult scanOne(Path unit, ScanOptions options) throws IOException {
        SearchPath path = options.path();
        MacroTable macros = new MacroTable(options.compiler() != null);
        if (options.compiler() != null) {
            CompilerProbe.Facts facts;
            try {
                facts = CompilerProbe.of(options.compiler(), language(unit));
            } catch (UncheckedIOException e) {
                throw new IOException("cannot ask " + options.compiler() + " for its macros: " + e.getMessage(), e);
            }
            facts.macros().stream()
                    .filter(d -> d.keyword().equals("define"))
                    .map(d -> Macro.parse(d.rest()))
                    .filter(java.util.Objects::nonNull)
                    .forEach(m -> macros.define(m, true));
            if (path.builtin().isEmpty()) {
                path = path.withBuiltin(facts.directories());
            }
        }
        options.defines().forEach((name, value) -> {
            Macro macro = Macro.parse(name + " " + value);
            if (macro != null) {
                macros.define(macro, true);
            }
        });
        options.undefines().forEach(name -> macros.undefine(name, true));
        List<Path> chain =
                path.chain().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        HeaderSearch search = new HeaderSearch(chain, path.bracketStart(), cache);
        return new UnitScan(unit, search, macros, cache).run();
    }

    static String language(Path unit) {
        String name = unit.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "cc", "cpp", "cxx", "c++", "C", "hpp", "hh" -> "c++";
            case "m" -> "objective-c";
            case "mm" -> "objective-c++";
            case "S", "sx" -> "assembler-with-cpp";
            default -> ext.toLowerCase(Locale.ROOT).equals("c") ? "c" : "c";
        };
    }
}
