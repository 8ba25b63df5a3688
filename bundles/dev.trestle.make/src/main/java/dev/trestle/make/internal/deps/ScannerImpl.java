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
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.osgi.service.component.annotations.Component;

/** The scanner service: one directive cache shared by every scan, so repeated scans read only changed files. */
@Component(service = DependencyScanner.class)
public final class ScannerImpl implements DependencyScanner {
    private final DirectiveCache cache = new DirectiveCache();
    private final boolean memo;

    public ScannerImpl() {
        this(true);
    }

    /** @param memo whether headers are replayed from the {@link HeaderMemo}; without, every one is evaluated */
    ScannerImpl(boolean memo) {
        this.memo = memo;
    }

    @Override
    public ScanResult scan(Path unit, ScanOptions options) throws IOException {
        cache.beginScan();
        Path absolute = unit.toAbsolutePath().normalize();
        return new Scan(options).unit(absolute);
    }

    @Override
    public Map<Path, ScanResult> scanAll(Collection<Path> units, ScanOptions options) throws IOException {
        cache.beginScan();
        List<Path> absolute =
                units.stream().map(u -> u.toAbsolutePath().normalize()).toList();
        Scan scan = new Scan(options);
        Map<Path, ScanResult> results = new ConcurrentHashMap<>();
        try {
            absolute.parallelStream().forEach(unit -> {
                try {
                    results.put(unit, scan.unit(unit));
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

    @Override
    public void forgetFiles() {
        cache.forget();
    }

    /** How many files were read from disk so far; a rescan of unchanged files reads none. */
    public long reads() {
        return cache.reads();
    }

    /**
     * One call's units with one set of options: the starting macro table, the header search and the record of what
     * headers did ({@link HeaderMemo}) are prepared once per language (C, C++ …) and shared by the units.
     */
    private final class Scan {
        private record Start(MacroTable macros, HeaderSearch search, HeaderMemo memo) {}

        private final ScanOptions options;
        private final Map<String, Start> starts = new ConcurrentHashMap<>();
        /** The storage of finished units, for the next ones. */
        private final Queue<UnitStorage> idle = new ConcurrentLinkedQueue<>();

        Scan(ScanOptions options) {
            this.options = options;
        }

        ScanResult unit(Path unit) throws IOException {
            Start start;
            try {
                start = starts.computeIfAbsent(language(unit), language -> {
                    try {
                        return start(language);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            UnitStorage storage = idle.poll();
            if (storage == null) {
                storage = new UnitStorage();
            }
            try {
                return new UnitScan(unit, start.search(), start.macros().fork(storage), cache, start.memo(), storage)
                        .run(options.forcedIncludes());
            } finally {
                storage.clear();
                idle.add(storage);
            }
        }

        private Start start(String language) throws IOException {
            SearchPath path = options.path();
            MacroTable macros = new MacroTable(options.compiler() != null);
            if (options.compiler() != null) {
                CompilerProbe.Facts facts;
                try {
                    facts = CompilerProbe.of(options.compiler(), language);
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
            List<Path> chain = path.chain().stream()
                    .map(p -> p.toAbsolutePath().normalize())
                    .toList();
            return new Start(
                    macros.freeze(),
                    new HeaderSearch(chain, path.bracketStart(), cache),
                    memo ? new HeaderMemo() : null);
        }
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
