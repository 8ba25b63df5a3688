import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sums the JUnit XML reports of a build: Surefire's (target/surefire-reports) and bnd-testing's
 * (target/test-reports), which prints nothing on success. Run as a source file: {@code java TestSummary.java DIR}.
 * Prints one line per failed test and then {@code N passed, N failed, N skipped}; exits 1 if any failed or if
 * no test ran at all.
 */
public final class TestSummary {
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");
    private static final Pattern FAILED_CASE =
            Pattern.compile("<testcase\\b[^>]*name=\"([^\"]*)\"[^>]*classname=\"([^\"]*)\"[^>]*>\\s*<(failure|error)");

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<Path> reports;
        try (Stream<Path> files = Files.walk(root)) {
            reports = files.filter(TestSummary::isReport).sorted().toList();
        }
        long tests = 0, failures = 0, skipped = 0;
        for (Path report : reports) {
            String xml = Files.readString(report);
            Matcher suite = SUITE.matcher(xml);
            if (!suite.find()) {
                continue;
            }
            String head = suite.group();
            tests += attribute(head, "tests");
            failures += attribute(head, "failures") + attribute(head, "errors");
            skipped += attribute(head, "skipped");
            Matcher failed = FAILED_CASE.matcher(xml);
            while (failed.find()) {
                System.out.println("FAILED " + failed.group(2) + "." + failed.group(1) + " (" + report + ")");
            }
        }
        long passed = tests - failures - skipped;
        System.out.println(passed + " passed, " + failures + " failed, " + skipped + " skipped");
        if (failures > 0 || tests == 0) {
            System.exit(1);
        }
    }

    private static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        String path = file.toString().replace('\\', '/');
        return name.startsWith("TEST-") && name.endsWith(".xml")
                && (path.contains("/target/surefire-reports/") || path.contains("/target/test-reports/"));
    }

    private static long attribute(String element, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(element);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
