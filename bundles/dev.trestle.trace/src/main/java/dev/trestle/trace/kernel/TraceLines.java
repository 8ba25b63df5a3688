package dev.trestle.trace.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a {@code Call Trace:} section: frames in the older {@code [<addr>] ? sym+off/size [mod]} and the newer
 * {@code ? sym+off/size [mod]} form, and stack markers such as {@code <IRQ>}, {@code </IRQ>}, {@code <EOI>}, which
 * older kernels also put in front of a frame on the same line. Grades each frame as it comes.
 */
final class TraceLines {
    private static final Pattern MARKER = Pattern.compile("^<(/?[A-Z#_0-9]+)>\\s*(.*)$");
    private static final Pattern OLD_FRAME =
            Pattern.compile("^\\[<?([0-9a-fA-F]*)>?\\]\\s*(\\?\\s+)?(\\S+)(?:\\s+\\[([^\\]]+)\\])?$");
    private static final Pattern NEW_FRAME =
            Pattern.compile("^(\\?\\s+)?(\\S+\\+0x[0-9a-f]+/0x[0-9a-f]+|0x[0-9a-f]+)(?:\\s+\\[([^\\]]+)\\])?$");
    private static final Pattern SYMBOL = Pattern.compile("^.+\\+0x[0-9a-f]+/0x[0-9a-f]+$");
    private static final Pattern RAW_ADDRESS = Pattern.compile("^0x([0-9a-f]+)$");

    final List<Frame> frames = new ArrayList<>();
    final List<String> markers = new ArrayList<>();
    private String stack = "";
    private boolean switched;

    /** Takes a marker and/or frame line; false if the line is neither. */
    boolean accept(String text, int line) {
        Matcher marker = MARKER.matcher(text);
        if (marker.matches()) {
            String name = marker.group(1);
            markers.add("<" + name + ">");
            // The first marker before any frame only names the stack the trace starts on.
            switched |= !frames.isEmpty();
            stack = name.startsWith("/") || name.equals("EOI") ? "" : name;
            return marker.group(2).isEmpty() || frame(marker.group(2), line);
        }
        return frame(text, line);
    }

    private boolean frame(String text, int line) {
        Matcher old = OLD_FRAME.matcher(text);
        if (old.matches()) {
            OptionalLong address = old.group(1).isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseUnsignedLong(old.group(1), 16));
            return add(line, address, old.group(2) != null, old.group(3), old.group(4));
        }
        Matcher newer = NEW_FRAME.matcher(text);
        if (newer.matches()) {
            return add(line, OptionalLong.empty(), newer.group(1) != null, newer.group(2), newer.group(3));
        }
        return false;
    }

    private boolean add(int line, OptionalLong address, boolean guessed, String symbolText, String moduleText) {
        Matcher raw = RAW_ADDRESS.matcher(symbolText);
        Optional<String> symbol = Optional.empty();
        if (raw.matches()) {
            if (address.isEmpty()) {
                address = OptionalLong.of(Long.parseUnsignedLong(raw.group(1), 16));
            }
        } else if (SYMBOL.matcher(symbolText).matches()) {
            symbol = Optional.of(symbolText);
        } else {
            return false;
        }
        Optional<String> module =
                Optional.ofNullable(moduleText).map(m -> m.split(" ")[0]); // drop a build id after the name
        Reliability grade;
        String reason;
        if (symbol.isEmpty()) {
            grade = Reliability.UNSYMBOLISED;
            reason = "no symbol: the address lies in no known kernel or module text";
        } else if (guessed) {
            grade = Reliability.GUESSED;
            reason = "'?': a text address found on the stack that the unwinder could not confirm as a return address";
        } else if (switched) {
            grade = Reliability.AFTER_STACK_SWITCH;
            reason = "after a stack switch (" + String.join(" ", markers)
                    + "): the unwinder relied on the saved stack pointer";
        } else {
            grade = Reliability.RELIABLE;
            reason = "on the frame chain the unwinder followed";
        }
        frames.add(new Frame(line, address, symbol, module, stack, grade, reason));
        return true;
    }
}
