package dev.trestle.trace.internal.kernel;

import dev.trestle.core.command.CommandArguments;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.trace.kernel.KernelLog;
import dev.trestle.trace.kernel.KernelLogParser;
import dev.trestle.trace.x86.Instruction;
import dev.trestle.trace.x86.X86Decoder;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;

/** {@code trace:incidents} and {@code trace:decode}: kernel-log incidents and x86-64 bytes from the shell. */
@Component(
        service = KernelCommands.class,
        property = {"osgi.command.scope=trace", "osgi.command.function=incidents", "osgi.command.function=decode"})
public final class KernelCommands {

    @Descriptor("list the WARNING/BUG/Oops/panic incidents of a kernel log (dmesg, syslog, journal or quoted mail)")
    public String incidents(@Descriptor("FILE [--json]") String... args) throws IOException {
        String file = null;
        boolean json = false;
        for (String arg : args) {
            if (arg.equals("--json")) {
                json = true;
            } else if (file == null && !arg.startsWith("--")) {
                file = arg;
            } else {
                throw CommandFailure.usage("usage: trace incidents FILE [--json]; unexpected: " + arg);
            }
        }
        if (file == null) {
            throw CommandFailure.usage("usage: trace incidents FILE [--json]");
        }
        Path path = CommandArguments.file(file);
        // A kernel log may hold bytes that are not UTF-8; InputStreamReader replaces them instead of failing.
        try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
            KernelLog log = KernelLogParser.parse(reader);
            return json ? IncidentReport.json(file, log) : IncidentReport.format(file, log);
        } catch (NoSuchFileException e) {
            throw CommandFailure.usage("no such file: " + file);
        }
    }

    @Descriptor("decode x86-64 bytes (hex, separated by ':', spaces or nothing) as objdump would")
    public String decode(@Descriptor("BYTES [--address HEX] [--json]") String... args) {
        List<String> hex = new ArrayList<>();
        long address = 0;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--address" -> {
                    if (++i == args.length) {
                        throw CommandFailure.usage("--address needs a hex address, e.g. --address ffffffffa04cdd44");
                    }
                    address = parseAddress(args[i]);
                }
                default -> hex.add(args[i]);
            }
        }
        byte[] bytes = HexBytes.parse(String.join(" ", hex));
        List<Instruction> instructions = X86Decoder.decode(bytes, address);
        return json ? IncidentReport.json(instructions) : IncidentReport.listing(instructions);
    }

    private static long parseAddress(String text) {
        String digits = text.startsWith("0x") ? text.substring(2) : text;
        try {
            if (digits.isEmpty() || digits.length() > 16) {
                throw new NumberFormatException(text);
            }
            return Long.parseUnsignedLong(digits, 16);
        } catch (NumberFormatException e) {
            throw CommandFailure.usage("--address: not a 64-bit hex address: " + text);
        }
    }
}
