package dev.trestle.make.internal.deps;

import dev.trestle.make.deps.Inclusion;
import dev.trestle.make.deps.Problem;
import dev.trestle.make.deps.ScanResult;
import dev.trestle.make.internal.deps.Token.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Preprocesses one translation unit as far as includes are concerned: walks its directives and those of every
 * header it reaches, with one macro table for the whole unit, as the compiler does. A header is entered again on
 * every inclusion (its guards decide), except when it was already entered in the same place with the same macro
 * table, where reading it again could find nothing new, and when it is already being read there: a cycle. A header
 * entered with the same values for the macros it looks at as in an earlier unit of the scan is applied from the
 * {@link HeaderMemo}. Inclusions and problems are kept once each, in the order first met, so the result does not
 * depend on which of the two ways a header was taken.
 */
final class UnitScan {
    private static final int MAX_DEPTH = 200;

    private final Path unit;
    private final HeaderSearch search;
    private final MacroTable macros;
    private final DirectiveCache cache;
    private final HeaderMemo memo;
    /** Sets: a header entered again where it was already read the same way includes nothing new. */
    private final InclusionSet inclusions;

    private final Set<Problem> problems = new LinkedHashSet<>();
    private final Set<Entry> entered;
    /** The entries being evaluated, outermost first: entering one of them again is a cycle. */
    private final Set<Entry> open = new HashSet<>();
    /** Whether an {@code #import} was seen: from then on any file may carry a once mark, not only those with the pragma. */
    private boolean imported;

    /** @param memo what headers did in the other units of the scan, or {@code null} to evaluate every header */
    UnitScan(
            Path unit,
            HeaderSearch search,
            MacroTable macros,
            DirectiveCache cache,
            HeaderMemo memo,
            UnitStorage storage) {
        this.unit = unit;
        this.inclusions = storage.inclusions;
        this.entered = storage.entered;
        this.memo = memo;
        this.search = search;
        this.macros = macros;
        this.cache = cache;
    }

    /** @param forced the files read before the unit, as the command line's {@code -include} has them read */
    ScanResult run(List<Path> forced) throws IOException {
        cache.steps(unit); // an unreadable unit is the caller's error, not a problem to report
        for (Path header : forced) {
            Path file = header.toAbsolutePath().normalize();
            boolean exists = cache.isFile(file);
            inclusions.add(new Inclusion(unit, 0, header.toString(), false, exists ? file : null, true));
            if (exists) {
                file(file, -1, false, 1);
            } else {
                report(new Problem(unit, 1, "-include " + header + ": not found"));
            }
        }
        file(unit, -1, false, 0);
        return new ScanResult(unit, inclusions.view(), List.copyOf(problems));
    }

    /** What makes two entries of a header equivalent: see the class comment. */
    record Entry(Path file, int foundAt, long version, boolean uncertain) {}

    private void file(Path file, int foundAt, boolean inheritedUncertain, int depth) throws IOException {
        if ((imported || cache.pragmaOnce(file)) && macros.isOnce(file)) {
            return; // recorded as a read of the mark: no history involved
        }
        unmarked(file, foundAt, inheritedUncertain, depth);
    }

    /** {@link #file} once the file is known not to be marked once. */
    private void unmarked(Path file, int foundAt, boolean inheritedUncertain, int depth) throws IOException {
        Entry entry = new Entry(file, foundAt, macros.version(), inheritedUncertain);
        if (open.contains(entry)) {
            dependsOnHistory(); // a cycle, ended here as the compiler would not
            return;
        }
        // Entered before with the same table, the header would change nothing and include nothing new. Skipped
        // only where no header is being recorded: a record must not depend on what came before in this unit.
        if (!entered.add(entry) && macros.recorder() == null) {
            return;
        }
        open.add(entry);
        try {
            enter(file, foundAt, inheritedUncertain, depth);
        } finally {
            open.remove(entry);
        }
    }

    private void enter(Path file, int foundAt, boolean inheritedUncertain, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            dependsOnHistory();
            report(new Problem(file, 1, "includes nested deeper than " + MAX_DEPTH + ": a cycle without guards?"));
            return;
        }
        if (memo == null || file.equals(unit)) {
            if (memo != null) {
                dependsOnHistory(); // a header including the unit itself: another unit would enter it differently
            }
            evaluate(file, foundAt, inheritedUncertain, depth);
            return;
        }
        HeaderMemo.Key key = new HeaderMemo.Key(file, foundAt, inheritedUncertain);
        HeaderMemo.Recorder parent = macros.recorder();
        HeaderMemo.Variant known = memo.find(key, macros);
        if (known != null && depth + known.height <= MAX_DEPTH) {
            if (parent != null) {
                macros.noteReads(known); // read on entry, before it wrote anything
                parent.entered(known.height);
                macros.log().append(known);
            }
            macros.apply(known);
            known.inclusionsTo(inclusions::add);
            known.problemsTo(problems::add);
            return;
        }
        HeaderMemo.Recorder recorder = macros.startRecording(key);
        try {
            evaluate(file, foundAt, inheritedUncertain, depth);
            if (recorder.keep && memo.hasRoom(key)) {
                memo.remember(key, macros.record());
            }
        } finally {
            macros.stopRecording();
        }
        if (parent != null) {
            parent.entered(recorder.height);
        }
    }

    /** What follows depends on this unit's history, not only on its macros: no header being recorded is kept. */
    private void dependsOnHistory() {
        macros.recorders().forEach(r -> r.keep = false);
    }

    private void report(Problem problem) {
        problems.add(problem);
        if (macros.recorder() != null) {
            macros.log().report(problem);
        }
    }

    private void evaluate(Path file, int foundAt, boolean inheritedUncertain, int depth) throws IOException {
        Conditionals conditionals = new Conditionals();
        List<Step> steps = cache.steps(file);
        int i = 0;
        while (i < steps.size()) {
            Step step = steps.get(i);
            switch (step.op()) {
                case IF ->
                    conditionals.open(conditionals.active() ? condition(step.tokens(), file, foundAt) : Boolean.FALSE);
                case IFDEF, IFNDEF -> conditionals.open(conditionals.active() ? ifdef(step) : Boolean.FALSE);
                case ELIF -> {
                    Boolean c = conditionals.elifMatters() ? condition(step.tokens(), file, foundAt) : Boolean.FALSE;
                    unbalanced(conditionals.next(c), file, step);
                }
                case ELIFDEF, ELIFNDEF ->
                    unbalanced(conditionals.next(conditionals.elifMatters() ? ifdef(step) : false), file, step);
                case ELSE -> unbalanced(conditionals.next(Boolean.TRUE), file, step);
                case ENDIF -> unbalanced(conditionals.close(), file, step);
                default -> {
                    if (conditionals.active()) {
                        directive(step, file, foundAt, inheritedUncertain || conditionals.uncertain(), depth);
                    }
                }
            }
            // a branch not taken: go straight to the step that ends it, nothing inside can matter
            i = step.next() >= 0 && !conditionals.active() ? step.next() : i + 1;
        }
        if (conditionals.depth() > 0) {
            report(new Problem(file, 1, "unterminated #if at end of file"));
        }
    }

    private void directive(Step step, Path file, int foundAt, boolean uncertain, int depth) throws IOException {
        switch (step.op()) {
            case DEFINE -> macros.define(step.macro(), !uncertain);
            case UNDEF -> macros.undefine(step.name(), !uncertain);
            case INCLUDE, IMPORT, INCLUDE_NEXT -> include(step, file, foundAt, uncertain, depth);
            case PRAGMA_ONCE -> macros.markOnce(file);
            default -> throw new IllegalStateException("conditional " + step.op() + " handled by file()");
        }
    }

    private void include(Step step, Path file, int foundAt, boolean uncertain, int depth) throws IOException {
        Directive d = step.directive();
        String operand = step.name() != null ? step.name() : operand(step.tokens());
        if (operand == null) {
            report(new Problem(file, d.line(), "computed #include " + d.rest() + ": macro value not known"));
            return;
        }
        boolean angled = operand.startsWith("<");
        String name = utf8(operand.substring(1, operand.length() - 1));
        boolean next = step.op() == Step.Op.INCLUDE_NEXT;
        HeaderSearch.Found found = search.find(name, angled, file.getParent(), next ? foundAt : Integer.MIN_VALUE);
        Inclusion inclusion =
                new Inclusion(file, d.line(), name, angled, found == null ? null : found.path(), !uncertain);
        inclusions.add(inclusion);
        if (macros.recorder() != null) {
            macros.log().include(inclusion);
        }
        if (found == null) {
            report(new Problem(
                    file,
                    d.line(),
                    "header not found: " + operand + (uncertain ? " (in a branch that may not be taken)" : "")));
            return;
        }
        if (step.op() == Step.Op.IMPORT) {
            imported = true;
            if (macros.isOnce(found.path())) {
                return;
            }
            macros.markOnce(found.path());
            unmarked(found.path(), found.index(), uncertain, depth + 1);
            return;
        }
        file(found.path(), found.index(), uncertain, depth + 1);
    }

    /** A computed include's operand with its quotes or brackets; {@code null} when it cannot be resolved. */
    private String operand(List<Token> tokens) {
        List<Token> expanded = new Expander(macros, false, (s, n) -> null).expand(tokens);
        if (expanded.isEmpty() || expanded.stream().anyMatch(t -> t.kind() == Kind.UNKNOWN)) {
            return null;
        }
        Token first = expanded.get(0);
        if (first.kind() == Kind.STRING && first.text().startsWith("\"")) {
            return first.text();
        }
        if (first.is("<")) {
            String spelled = Macro.spelling(expanded.subList(0, expanded.size()));
            int close = spelled.indexOf('>');
            return close > 0 ? spelled.substring(0, close + 1) : null;
        }
        return null;
    }

    private Boolean ifdef(Step step) {
        String name = step.name();
        Boolean defined = name.isEmpty() ? null : macros.isDefined(name);
        if (defined == null) {
            return null;
        }
        return (step.op() == Step.Op.IFNDEF || step.op() == Step.Op.ELIFNDEF) != defined;
    }

    private Boolean condition(List<Token> expression, Path file, int foundAt) {
        Expander expander = new Expander(macros, true, (spelling, next) -> hasInclude(spelling, next, file, foundAt));
        return Condition.evaluate(expander.expand(expression), !macros.closedWorld());
    }

    private Boolean hasInclude(String spelling, boolean next, Path file, int foundAt) {
        boolean angled = spelling.startsWith("<") && spelling.endsWith(">");
        boolean quoted = spelling.startsWith("\"") && spelling.endsWith("\"");
        if (!(angled || quoted) || spelling.length() < 3) {
            return null;
        }
        String name = utf8(spelling.substring(1, spelling.length() - 1));
        return search.find(name, angled, file.getParent(), next ? foundAt : Integer.MIN_VALUE) != null;
    }

    /** Files are read byte for byte (ISO-8859-1); a name in them is UTF-8, as file names are on Linux and macOS. */
    private static String utf8(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 127) {
                return new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return name;
    }

    private void unbalanced(boolean ok, Path file, Step step) {
        if (!ok) {
            Directive d = step.directive();
            report(new Problem(file, d.line(), "#" + d.keyword() + " without #if"));
        }
    }
}
