/**
 * An x86-64 instruction decoder for the bytes kernel logs print (ftrace's actual/expected bytes, Code: lines), with
 * output textually comparable to binutils {@code objdump -D -b binary -mi386:x86-64} (AT&T syntax). Covered: call/jmp
 * rel8/rel32 and indirect ({@code ff /2}, {@code ff /4}), jcc rel8/rel32, ret, int3, ud2, hlt, cli/sti, leave,
 * syscall, endbr64, pause, nop/{@code xchg %ax,%ax}/{@code 0f 1f} NOPs with data16/cs padding, push/pop (register,
 * memory, immediate), mov/lea/test/inc/dec and the eight ALU operations in their ModRM, accumulator and immediate forms
 * at 8/16/32/64 bits (ModRM, SIB, disp8/disp32, RIP-relative, fs/gs overrides, unused REX shown as objdump shows it).
 * Anything else decodes to {@code .byte 0x..} or {@code (bad)}, never an exception.
 */
@Export
@Version("1.0.0")
package dev.trestle.trace.x86;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
