package dev.trestle.trace.kernel;

import java.util.Optional;

/**
 * The taint flags of {@code Documentation/admin-guide/tainted-kernels.rst}, in bit order. {@code G} is not a flag: it
 * is what the kernel prints in place of {@code P} while bit 0 is clear.
 */
public enum TaintFlag {
    PROPRIETARY_MODULE('P', "proprietary module was loaded"),
    FORCED_MODULE('F', "module was force loaded"),
    CPU_OUT_OF_SPEC('S', "kernel running on an out of specification system"),
    FORCED_RMMOD('R', "module was force unloaded"),
    MACHINE_CHECK('M', "processor reported a Machine Check Exception (MCE)"),
    BAD_PAGE('B', "bad page referenced or some unexpected page flags"),
    USER('U', "taint requested by userspace application"),
    DIE('D', "kernel died recently, i.e. there was an OOPS or BUG"),
    OVERRIDDEN_ACPI_TABLE('A', "ACPI table overridden by user"),
    WARN('W', "kernel issued warning"),
    CRAP('C', "staging driver was loaded"),
    FIRMWARE_WORKAROUND('I', "workaround for bug in platform firmware applied"),
    OOT_MODULE('O', "externally-built (\"out-of-tree\") module was loaded"),
    UNSIGNED_MODULE('E', "unsigned module was loaded"),
    SOFTLOCKUP('L', "soft lockup occurred"),
    LIVEPATCH('K', "kernel has been live patched"),
    AUX('X', "auxiliary taint, defined for and used by distros"),
    RANDSTRUCT('T', "kernel was built with the struct randomization plugin"),
    TEST('N', "an in-kernel test has been run"),
    FWCTL('J', "userspace used a mutating debug operation in fwctl");

    private final char letter;
    private final String meaning;

    TaintFlag(char letter, String meaning) {
        this.letter = letter;
        this.meaning = meaning;
    }

    public char letter() {
        return letter;
    }

    /** The bit in {@code /proc/sys/kernel/tainted}. */
    public int bit() {
        return ordinal();
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<TaintFlag> ofLetter(char letter) {
        for (TaintFlag flag : values()) {
            if (flag.letter == letter) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}
