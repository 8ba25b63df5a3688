package dev.trestle.trace.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explicit prerequisites of a makefile's rules, read without running make. Only simple variable references are
 * expanded ({@code $(NAME)} defined by {@code =} or {@code :=} without functions, plus the seeds given); a word that
 * still holds a {@code $} after that is skipped, as are pattern rules and order-only prerequisites, which do not
 * trigger a rebuild. Relative words are resolved against the directory make runs in.
 *
 * @param file the makefile
 * @param prerequisites by target, merged over every rule that names the target
 * @param built the targets some rule has a recipe for (their files are outputs, not declared inputs)
 */
public record MakefileDependencies(Path file, Map<Path, Set<Path>> prerequisites, Set<Path> built) {
    private static final Pattern REFERENCE = Pattern.compile("\\$[({]([A-Za-z0-9_.-]+)[)}]");

    public MakefileDependencies {
        prerequisites = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(prerequisites));
        built = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(built));
    }

    /**
     * Reads a makefile Trestle generated or a hand-written one.
     *
     * @param runDir the directory make runs in; relative names are resolved against it
     * @param seeds values of variables the makefile computes with functions, e.g. the generated makefile's {@code
     *     SRC} and {@code BUILD_DIR}
     */
    public static MakefileDependencies read(Path makefile, Path runDir, Map<String, String> seeds) throws IOException {
        Map<String, String> variables = new HashMap<>(seeds);
        Map<Path, Set<Path>> prerequisites = new LinkedHashMap<>();
        Set<Path> built = new LinkedHashSet<>();
        List<Path> lastTargets = List.of();
        for (String line : logicalLines(Files.readString(makefile))) {
            if (line.startsWith("\t")) {
                built.addAll(lastTargets);
                continue;
            }
            String text = stripComment(line).strip();
            int colon = ruleColon(text);
            int equals = text.indexOf('=');
            if (equals >= 0 && (colon < 0 || equals <= colon + 1)) {
                assign(text, equals, variables, seeds);
                lastTargets = List.of();
            } else if (equals >= 0) {
                lastTargets = List.of(); // "target: VAR = value" sets a variable, declares nothing
            } else if (colon > 0 && !text.contains("%")) {
                lastTargets = words(text.substring(0, colon).replace("&", ""), variables, runDir);
                String right = text.substring(colon + 1);
                int bar = right.indexOf('|');
                List<Path> prereqs = words(bar < 0 ? right : right.substring(0, bar), variables, runDir);
                for (Path target : lastTargets) {
                    prerequisites
                            .computeIfAbsent(target, t -> new LinkedHashSet<>())
                            .addAll(prereqs);
                    if (!prereqs.isEmpty()) {
                        built.add(target); // a generated makefile's bare "header:" rules are not builds
                    }
                }
            } else {
                lastTargets = List.of(); // a directive (include, ifeq, ...) ends the rule
            }
        }
        return new MakefileDependencies(makefile, prerequisites, built);
    }

    /** What the makefile declares {@code unit}'s objects depend on: every prerequisite of a target built from it. */
    public Set<Path> declaredFor(Path unit) {
        Set<Path> declared = new LinkedHashSet<>();
        prerequisites.forEach((target, prereqs) -> {
            if (prereqs.contains(unit)) {
                declared.addAll(prereqs);
            }
        });
        declared.remove(unit);
        return declared;
    }

    /** Whether some rule names {@code unit} as a prerequisite. */
    public boolean hasRuleFor(Path unit) {
        return prerequisites.values().stream().anyMatch(p -> p.contains(unit));
    }

    private static List<String> logicalLines(String text) {
        return List.of(text.replace("\\\r\n", " ").replace("\\\n", " ").split("\r?\n"));
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** The colon separating targets from prerequisites, or -1; {@code :=} and {@code ::=} are assignments. */
    private static int ruleColon(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return text.startsWith(":=", i) || text.startsWith("::=", i) ? -1 : i;
            }
        }
        return -1;
    }

    private static void assign(String text, int equals, Map<String, String> variables, Map<String, String> seeds) {
        String name = text.substring(0, equals).replaceAll("[:?+!]+$", "").strip();
        if (name.contains(" ") || seeds.containsKey(name)) {
            return; // "override x" and friends, or a seed the caller knows better
        }
        String value = text.substring(equals + 1).strip();
        boolean append = text.charAt(Math.max(0, equals - 1)) == '+';
        variables.put(name, append ? variables.getOrDefault(name, "") + " " + value : value);
    }

    private static List<Path> words(String text, Map<String, String> variables, Path runDir) {
        String expanded = expand(text, variables, 0);
        return java.util.Arrays.stream(expanded.split("\\s+"))
                .filter(w -> !w.isEmpty() && !w.contains("$"))
                .map(w -> path(runDir, w))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static String expand(String text, Map<String, String> variables, int depth) {
        if (depth > 16 || !text.contains("$")) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            String replacement = value == null ? m.group() : expand(value, variables, depth + 1);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    private static Path path(Path runDir, String word) {
        try {
            return runDir.resolve(word).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
