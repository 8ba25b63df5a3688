package dev.trestle.trace.audit;

import dev.trestle.make.deps.DependencyScanner;
import dev.trestle.make.deps.Inclusion;
import dev.trestle.make.deps.ScanResult;
import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds and applies {@link IncludeFix}es. A missing header gets a fix when one of the unit's includes that the
 * scanner could not resolve is spelled as the tail of the header's project-relative path: the rest of the path is
 * then the include directory the description lacks. Headers outside the project, or reached in other ways, get none.
 */
public final class IncludeFixes {
    private final DependencyScanner scanner;

    public IncludeFixes(DependencyScanner scanner) {
        this.scanner = scanner;
    }

    /** The fixes for the missing dependencies of {@code report}; empty without a build description. */
    public List<IncludeFix> find(AuditReport report) throws IOException {
        Path root = report.root();
        Path file = DescriptionFormat.fileOf(root);
        if (!Files.exists(file)) {
            return List.of();
        }
        BuildDescription description = DescriptionFormat.read(file);
        Map<String, TargetSpec> targets = BuildAudit.targetsBySource(root, description);
        List<IncludeFix> fixes = new ArrayList<>();
        for (UnitAudit unit : report.units()) {
            Path source = unit.compiled().unit();
            TargetSpec target = targets.get(BuildAudit.relative(root, source));
            if (target == null || !unit.hasMissing() || !Files.isRegularFile(source)) {
                continue;
            }
            Set<Path> missing = new LinkedHashSet<>();
            unit.comparisons().forEach(c -> missing.addAll(c.missing()));
            ScanResult scan = scanner.scan(source, BuildAudit.options(root, target));
            for (Path header : missing) {
                if (!header.startsWith(root)) {
                    continue;
                }
                String relative = BuildAudit.relative(root, header);
                for (Inclusion inclusion : scan.inclusions()) {
                    String spelling = inclusion.spelling();
                    if (inclusion.resolved() != null
                            || !(relative.equals(spelling) || relative.endsWith("/" + spelling))) {
                        continue;
                    }
                    String dir = relative.equals(spelling)
                            ? "."
                            : relative.substring(0, relative.length() - spelling.length() - 1);
                    IncludeFix fix = new IncludeFix(source, header, spelling, target.name(), dir);
                    if (fixes.stream()
                            .noneMatch(f -> f.target().equals(fix.target())
                                    && f.includeDir().equals(fix.includeDir()))) {
                        fixes.add(fix);
                    }
                    break;
                }
            }
        }
        return fixes;
    }

    /**
     * Adds each fix's directory to its target's include paths in the description file, and drops {@code -I} flags
     * of the target that named the same directory by hand.
     *
     * @return the description as saved
     */
    public static BuildDescription apply(Path root, List<IncludeFix> fixes) throws IOException {
        Path file = DescriptionFormat.fileOf(root);
        BuildDescription description = DescriptionFormat.read(file);
        List<TargetSpec> targets = new ArrayList<>();
        for (TargetSpec target : description.targets()) {
            List<String> includes = new ArrayList<>(target.includeDirs());
            List<String> flags = new ArrayList<>(target.flags());
            for (IncludeFix fix : fixes) {
                if (!fix.target().equals(target.name())) {
                    continue;
                }
                if (!includes.contains(fix.includeDir())) {
                    includes.add(fix.includeDir());
                }
                Path dir = root.resolve(fix.includeDir()).normalize();
                flags.removeIf(flag -> flag.startsWith("-I")
                        && root.resolve(flag.substring(2)).normalize().equals(dir));
            }
            targets.add(target.withIncludeDirsAndFlags(includes, flags));
        }
        BuildDescription fixed =
                new BuildDescription(description.project(), description.platforms(), targets, description.commands());
        DescriptionFormat.save(file, fixed);
        return fixed;
    }
}
