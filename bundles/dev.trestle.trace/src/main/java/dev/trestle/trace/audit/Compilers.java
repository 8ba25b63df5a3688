package dev.trestle.trace.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Which programs compile, and which of their arguments is the translation unit. */
final class Compilers {
    /** Drivers (also cross and versioned: {@code x86_64-linux-gnu-gcc-12}) and gcc's compilers proper. */
    private static final Pattern PROGRAM = Pattern.compile(
            "(?:[\\w.]+-)*(?:gcc|g\\+\\+|cc|c\\+\\+|clang|clang\\+\\+|cc1|cc1plus|cc1obj|cc1objplus)(?:-[\\d.]+)?");

    private static final Set<String> SOURCE_SUFFIXES =
            Set.of(".c", ".cc", ".cpp", ".cxx", ".c++", ".cp", ".m", ".mm", ".i", ".ii");

    /** Options whose next argument is a name, not an input: cc1 gets {@code -dumpbase main.c}, clang -cc1 more. */
    private static final Set<String> TAKES_VALUE = Set.of(
            "-o",
            "-MF",
            "-MT",
            "-MQ",
            "-dumpbase",
            "-dumpdir",
            "-auxbase",
            "-auxbase-strip",
            "-main-file-name",
            "-include",
            "-imacros",
            "-x",
            "-I",
            "-isystem",
            "-iquote",
            "-idirafter");

    private Compilers() {}

    static boolean isCompiler(String program) {
        int slash = program.lastIndexOf('/');
        return PROGRAM.matcher(program.substring(slash + 1)).matches();
    }

    static boolean isSource(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot > lower.lastIndexOf('/') + 1 && SOURCE_SUFFIXES.contains(lower.substring(dot))
                || path.endsWith(".C");
    }

    /** The source arguments of {@code argv} (argv[0] excluded); a cut argument ({@code null}) is skipped. */
    static List<String> sources(List<String> argv) {
        List<String> sources = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg != null && TAKES_VALUE.contains(arg)) {
                i++;
            } else if (arg != null && !arg.startsWith("-") && isSource(arg)) {
                sources.add(arg);
            }
        }
        return sources;
    }
}
