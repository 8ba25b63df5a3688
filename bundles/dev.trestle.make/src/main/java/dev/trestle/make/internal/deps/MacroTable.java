package dev.trestle.make.internal.deps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The macros of one translation unit as far as the scan knows them. A name is defined, undefined, or {@link
 * #UNKNOWN}: defined or undefined in a branch the scan could not decide. {@link #version()} changes with every
 * real change, so equal versions mean equal tables and a header re-entered at the same version would be read
 * the same way again.
 *
 * <p>A table starts from a shared, frozen base (the compiler's predefined macros and the command line's, the same
 * for every unit of a target) and records the unit's own changes on top of it, so starting a unit costs nothing
 * however many macros the compiler predefines.
 */
final class MacroTable {
    /** Stands for "maybe defined, value unknown". */
    static final Macro UNKNOWN = new Macro("<unknown>", null, false, "");
    /** The value of a file's {@link #onceName}: the file was marked by {@code #pragma once} or {@code #import}. */
    private static final Macro ONCE = new Macro("<once>", null, false, "");
    /** Stands for "certainly not defined" where a name was explicitly undefined. */
    private static final Macro UNDEFINED = new Macro("<undefined>", null, false, "");

    /**
     * Never changed once made; a plain HashMap so lookups go straight to it. Replaced, not changed, when a large
     * record is applied outside any recording ({@link #apply}).
     */
    private HashMap<String, Macro> base;
    /** The unit's own changes: one lookup finds a name's value and when it was last written. */
    private final HashMap<String, Slot> own;

    private final boolean closedWorld;
    private long version;
    /** The headers being recorded for the {@link HeaderMemo}, outermost first. */
    private final List<HeaderMemo.Recorder> recorders = new ArrayList<>();
    /** What this unit did while headers were being recorded. */
    private final RecordLog log;
    /** How many changes were made, and the count at each name's latest change: who wrote a name first. */
    private int writes;

    /** A name's value in this unit and the write count at its latest change. */
    static final class Slot {
        Macro macro;
        int writtenAt;

        Slot(Macro macro, int writtenAt) {
            this.macro = macro;
            this.writtenAt = writtenAt;
        }
    }

    /**
     * @param closedWorld whether a name never defined is known to be undefined (the compiler's predefined macros
     *     are in the table) rather than undecidable
     */
    MacroTable(boolean closedWorld) {
        this(closedWorld, new HashMap<>(), new HashMap<>(), new RecordLog());
    }

    private MacroTable(boolean closedWorld, HashMap<String, Macro> base, HashMap<String, Slot> own, RecordLog log) {
        this.closedWorld = closedWorld;
        this.base = base;
        this.own = own;
        this.log = log;
    }

    /** A new table starting from this one's current state, which must not change any more. */
    MacroTable freeze() {
        HashMap<String, Macro> all = new HashMap<>(base);
        own.forEach((name, slot) -> all.put(name, slot.macro));
        return new MacroTable(closedWorld, all, new HashMap<>(), new RecordLog());
    }

    /** A new, empty-handed table on this one's base: what a unit starts from, in the unit's emptied storage. */
    MacroTable fork(UnitStorage storage) {
        if (!own.isEmpty()) {
            throw new IllegalStateException("fork() of a table with changes of its own: freeze() it first");
        }
        if (!storage.macros.isEmpty()) {
            throw new IllegalStateException("fork() into storage still in use");
        }
        return new MacroTable(closedWorld, base, storage.macros, storage.log);
    }

    boolean closedWorld() {
        return closedWorld;
    }

    long version() {
        return version;
    }

    /** The stored value: a macro, {@link #UNKNOWN}, {@link #UNDEFINED}, or {@code null} when never mentioned. */
    private Macro peek(String name) {
        Slot slot = own.get(name);
        return slot != null ? slot.macro : base.get(name);
    }

    /** {@link #peek}, noted by every header being recorded: what the header's outcome depends on. */
    private Macro raw(String name) {
        Slot slot = own.get(name);
        Macro macro = slot != null ? slot.macro : base.get(name);
        if (!recorders.isEmpty()) {
            log.read(name, macro, slot == null ? 0 : slot.writtenAt);
        }
        return macro;
    }

    private int lastWrite(String name) {
        Slot slot = own.get(name);
        return slot == null ? 0 : slot.writtenAt;
    }

    /** Starts recording a header entered now; {@link #stopRecording} when it ends. */
    HeaderMemo.Recorder startRecording(HeaderMemo.Key key) {
        HeaderMemo.Recorder recorder = new HeaderMemo.Recorder(key, writes, log);
        recorders.add(recorder);
        return recorder;
    }

    void stopRecording() {
        recorders.remove(recorders.size() - 1);
    }

    /** The recorder of the innermost header being recorded, or {@code null}. */
    HeaderMemo.Recorder recorder() {
        return recorders.isEmpty() ? null : recorders.get(recorders.size() - 1);
    }

    List<HeaderMemo.Recorder> recorders() {
        return recorders;
    }

    /** What the unit did while headers were being recorded; only while one is. */
    RecordLog log() {
        return log;
    }

    /** The record of the innermost header being recorded, which must be the one now ending. */
    HeaderMemo.Variant record() {
        return new HeaderMemo.Variant(log, recorder());
    }

    /** An applied header's reads become reads of the headers being recorded around it, if any. */
    void noteReads(HeaderMemo.Variant applied) {
        if (!recorders.isEmpty()) {
            String[] names = applied.names();
            Macro[] values = applied.values();
            for (int i = 0; i < names.length; i++) {
                log.read(names[i], values[i], lastWrite(names[i]));
            }
        }
    }

    /** The shared table this one's values all come from when it has no changes of its own, else {@code null}. */
    Object sharedState() {
        return own.isEmpty() ? base : null;
    }

    /** Whether every name has the value recorded. */
    boolean matches(String[] names, Macro[] values) {
        for (int i = 0; i < names.length; i++) {
            Macro now = peek(names[i]);
            // the same definition written in two units' own files is equal but not the same object
            if (now != values[i] && (now == null || !now.equals(values[i]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a file was marked by {@code #pragma once} or {@code #import} in this unit. The mark is kept in the table
     * under a name no macro can have, so a header's record depends on it as on a macro: a header recorded where the
     * file was not yet marked is replayed only where it is not marked either.
     */
    boolean isOnce(Path file) {
        return raw(onceName(file)) == ONCE;
    }

    void markOnce(Path file) {
        String name = onceName(file);
        if (raw(name) != ONCE) {
            put(name, ONCE);
        }
    }

    /** A name no macro can have ({@code #} is not an identifier character), one per file. */
    private static String onceName(Path file) {
        return "#once " + file;
    }

    /**
     * Applies what a header did in another unit; the caller records the header as a whole. A large record applied
     * where nothing is being recorded (a unit's first includes, which bring in the system headers with their
     * thousands of macros) swaps in the base it leads to, made once and shared by every unit that takes the same
     * step, instead of writing each name into the unit's own changes.
     */
    void apply(HeaderMemo.Variant variant) {
        int count = variant.writeCount();
        if (recorders.isEmpty() && count >= HeaderMemo.SHARED_BASE_SIZE) {
            base = variant.baseAfter(base);
            for (int i = 0; i < count && !own.isEmpty(); i++) {
                own.remove(variant.writeName(i)); // the record's value now comes from the base
            }
            version++;
            return;
        }
        for (int i = 0; i < count; i++) {
            store(variant.writeName(i), variant.writeValue(i));
        }
    }

    /** The definition, {@link #UNKNOWN}, or {@code null} when not defined. */
    Macro get(String name) {
        Macro macro = raw(name);
        if (macro == null) {
            return closedWorld ? null : UNKNOWN;
        }
        return macro == UNDEFINED ? null : macro;
    }

    /** {@link Boolean#TRUE}, {@link Boolean#FALSE} or {@code null} for undecidable. */
    Boolean isDefined(String name) {
        Macro macro = get(name);
        return macro == UNKNOWN ? null : macro != null;
    }

    void define(Macro macro, boolean certain) {
        Macro old = raw(macro.name());
        if (old == macro || (old != UNDEFINED && macro.sameAs(old))) {
            return;
        }
        put(macro.name(), certain ? macro : UNKNOWN);
    }

    void undefine(String name, boolean certain) {
        Macro old = raw(name);
        if (old == UNDEFINED || (old == null && closedWorld)) {
            return;
        }
        put(name, certain ? UNDEFINED : UNKNOWN);
    }

    private void put(String name, Macro macro) {
        store(name, macro);
        if (!recorders.isEmpty()) {
            log.write(name, macro);
        }
    }

    private void store(String name, Macro macro) {
        Slot slot = own.get(name);
        Macro old;
        if (slot == null) {
            old = base.get(name);
            own.put(name, new Slot(macro, ++writes));
        } else {
            old = slot.macro;
            slot.macro = macro;
            slot.writtenAt = ++writes;
        }
        if (old != macro && !(old == null && macro == UNDEFINED)) {
            version++;
        }
    }
}
