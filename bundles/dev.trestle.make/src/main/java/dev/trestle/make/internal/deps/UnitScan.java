package dev.trestle.make.internal.deps;

import dev.trestle.make.deps.Inclusion;
import dev.trestle.make.deps.Problem;
import dev.trestle.make.deps.ScanResult;
import dev.trestle.make.internal.deps.Token.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Preprocesses one translation unit as far as includes are concerned: walks its directives and those of every
 * header it reaches, with one macro table for the whole unit, as the compiler does. A header is entered again on
 * every inclusion (its guards decide), except when it was already entered in the same place with the same macro
 * table, where reading it again could find nothing new; that also ends include cycles.
 */
final class UnitScan {
    private static final int MAX_DEPTH = 200;

    private final Path unit;
    private final HeaderSearch search;
    private final MacroTable macros;
    private final DirectiveCache cache;
    private final List<Inclusion> inclusions = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> entered = new HashSet<>();
    private final Set<Path> once = new HashSet<>();

    UnitScan(Path unit, HeaderSearch search, MacroTable macros, DirectiveCache cache) {
        this.unit = unit;
        this.search = search;
        this.macros = macros;
        this.cache = cache;
    }

    ScanResult run() throws IOException {
        cache.directives(unit); // an unreadable unit is the caller's error, not a problem to report
        file(unit, -1, false, 0);
        return new ScanResult(unit, inclusions, problems);
    }

    private void file(Path file, int foundAt, boolean inheritedUncertain, int depth) throws IOException {
        if (once.contains(file)
                || !entered.add(file + "|" + foundAt + "|" + macros.version() + "|" + inheritedUncertain)) {
            return;
        }
        if (depth > MAX_DEPTH) {
            problems.add(
                    new Problem(file, 1, "includes nested deeper than " + MAX_DEPTH + ": a cycle without guards?"));
            return;
        }
        Conditionals conditionals = new Conditionals();
        for (Directive d : cache.directives(file)) {
            boolean uncertain = inheritedUncertain || conditionals.uncertain();
            switch (d.keyword()) {
                case "if" ->
                    conditionals.open(conditionals.active() ? condition(d.rest(), file, foundAt) : Boolean.FALSE);
                case "ifdef", "ifndef" -> conditionals.open(conditionals.active() ? ifdef(d) : Boolean.FALSE);
                case "elif" -> {
                    Boolean c = conditionals.elifMatters() ? condition(d.rest(), file, foundAt) : Boolean.FALSE;
                    unbalanced(conditionals.next(c), file, d);
                }
                case "elifdef", "elifndef" ->
                    unbalanced(conditionals.next(conditionals.elifMatters() ? ifdef(d) : false), file, d);
                case "else" -> unbalanced(conditionals.next(Boolean.TRUE), file, d);
                case "endif" -> unbalanced(conditionals.close(), file, d);
                default -> {
                    if (conditionals.active()) {
                        directive(d, file, foundAt, uncertain, depth);
                    }
                }
            }
        }
        if (conditionals.depth() > 0) {
            problems.add(new Problem(file, 1, "unterminated #if at end of file"));
        }
    }

    private void directive(Directive d, Path file, int foundAt, boolean uncertain, int depth) throws IOException {
        switch (d.keyword()) {
            case "define" -> {
                Macro macro = Macro.parse(d.rest());
                if (macro != null) {
                    macros.define(macro, !uncertain);
                }
            }
            case "undef" -> macros.undefine(d.rest().split("\\s+")[0], !uncertain);
            case "include", "import", "include_next" -> include(d, file, foundAt, uncertain, depth);
            case "pragma" -> {
                if (d.rest().equals("once") || d.rest().startsWith("once ")) {
                    once.add(file);
                }
            }
            default -> {
                // #error, #warning, #line, #ident and unknown directives do not change what is included
            }
        }
    }

    private void include(Directive d, Path file, int foundAt, boolean uncertain, int depth) throws IOException {
        String operand = operand(d.rest());
        if (operand == null) {
            problems.add(new Problem(file, d.line(), "computed #include " + d.rest() + ": macro value not known"));
            return;
        }
        boolean angled = operand.startsWith("<");
        String name = utf8(operand.substring(1, operand.length() - 1));
        boolean next = d.keyword().equals("include_next");
        HeaderSearch.Found found = search.find(name, angled, file.getParent(), next ? foundAt : Integer.MIN_VALUE);
        inclusions.add(new Inclusion(file, d.line(), name, angled, found == null ? null : found.path(), !uncertain));
        if (found == null) {
            problems.add(new Problem(
                    file,
                    d.line(),
                    "header not found: " + operand + (uncertain ? " (in a branch that may not be taken)" : "")));
            return;
        }
        if (d.keyword().equals("import") && once.contains(found.path())) {
            return;
        }
        if (d.keyword().equals("import")) {
            once.add(found.path());
            file(found.path(), found.index(), uncertain, depth + 1);
            return;
        }
        file(found.path(), found.index(), uncertain, depth + 1);
    }

    /** The header name with its quotes or brackets; {@code null} for a computed include that cannot be resolved. */
    private String operand(String rest) {
        if (rest.startsWith("\"") && rest.indexOf('"', 1) > 0) {
            return rest.substring(0, rest.indexOf('"', 1) + 1);
        }
        if (rest.startsWith("<") && rest.indexOf('>') > 0) {
            return rest.substring(0, rest.indexOf('>') + 1);
        }
        List<Token> expanded = new Expander(macros, false, (s, n) -> null).expand(Token.lex(rest));
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

    private Boolean ifdef(Directive d) {
        String name = d.rest().split("[^\\p{Alnum}_$]", 2)[0];
        Boolean defined = name.isEmpty() ? null : macros.isDefined(name);
        if (defined == null) {
            return null;
        }
        return d.keyword().endsWith("ndef") != defined;
    }

    private Boolean condition(String expression, Path file, int foundAt) {
        Expander expander = new Expander(macros, true, (spelling, next) -> hasInclude(spelling, next, file, foundAt));
        return Condition.evaluate(expander.expand(Token.lex(expression)), !macros.closedWorld());
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

    private void unbalanced(boolean ok, Path file, Directive d) {
        if (!ok) {
            problems.add(new Problem(file, d.line(), "#" + d.keyword() + " without #if"));
        }
    }
}
