package dev.trestle.make.internal.deps;

import java.util.HashMap;
import java.util.HashSet;

/**
 * The working storage of one unit's scan: its own macro changes, its record log, its inclusions and the entries it
 * made. A finished unit hands it to the next one instead of the next growing its own from empty: on git's sources,
 * growing the tables again for every unit had cost a tenth of the scan in rehashing alone.
 */
final class UnitStorage {
    final HashMap<String, MacroTable.Slot> macros = new HashMap<>(256);
    final RecordLog log = new RecordLog();
    final InclusionSet inclusions = new InclusionSet();
    final HashSet<UnitScan.Entry> entered = new HashSet<>(1024);

    /** Empties everything, keeping what it grew to. */
    void clear() {
        macros.clear();
        log.clear();
        inclusions.clear();
        entered.clear();
    }
}
