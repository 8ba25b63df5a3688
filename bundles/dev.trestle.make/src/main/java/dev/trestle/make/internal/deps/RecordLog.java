package dev.trestle.make.internal.deps;

import dev.trestle.make.deps.Inclusion;
import dev.trestle.make.deps.Problem;
import java.util.Arrays;

/**
 * What one unit read, wrote, included and reported while headers were being recorded, in order, in arrays that
 * only grow. A header's record ({@link HeaderMemo.Variant}) is a range of them, copied out when the header ends: a
 * header nested in recorded headers is written down once, not added to each record around it as it happens.
 */
final class RecordLog {
    private static final int START = 256;

    String[] readNames = new String[START];
    Macro[] readValues = new Macro[START];
    /** The table's write count at the name's latest change, when it was read: who wrote it first, see {@link MacroTable}. */
    int[] readWrites = new int[START];

    int reads;

    String[] writeNames = new String[START];
    Macro[] writeValues = new Macro[START];
    int writes;

    Inclusion[] inclusions = new Inclusion[START];
    int includes;

    Problem[] problems = new Problem[16];
    int reports;

    /** Forgets every entry, keeping the arrays as they grew (what they still point to is let go with them). */
    void clear() {
        reads = 0;
        writes = 0;
        includes = 0;
        reports = 0;
    }

    void read(String name, Macro value, int lastWrite) {
        if (reads == readNames.length) {
            readNames = Arrays.copyOf(readNames, reads * 2);
            readValues = Arrays.copyOf(readValues, reads * 2);
            readWrites = Arrays.copyOf(readWrites, reads * 2);
        }
        readNames[reads] = name;
        readValues[reads] = value;
        readWrites[reads++] = lastWrite;
    }

    void write(String name, Macro value) {
        if (writes == writeNames.length) {
            writeNames = Arrays.copyOf(writeNames, writes * 2);
            writeValues = Arrays.copyOf(writeValues, writes * 2);
        }
        writeNames[writes] = name;
        writeValues[writes++] = value;
    }

    void include(Inclusion inclusion) {
        if (includes == inclusions.length) {
            inclusions = Arrays.copyOf(inclusions, includes * 2);
        }
        inclusions[includes++] = inclusion;
    }

    void report(Problem problem) {
        if (reports == problems.length) {
            problems = Arrays.copyOf(problems, reports * 2);
        }
        problems[reports++] = problem;
    }

    /** What a header applied from its record wrote, included and reported becomes part of the headers around it. */
    void append(HeaderMemo.Variant applied) {
        for (int i = 0; i < applied.writeCount(); i++) {
            write(applied.writeName(i), applied.writeValue(i));
        }
        applied.inclusionsTo(this::include);
        applied.problemsTo(this::report);
    }
}
