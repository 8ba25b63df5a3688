package dev.trestle.cli.internal.server;

import java.io.PrintStream;
import java.util.List;

/** Runs one command line as the headless product's main does, giving its exit status. */
@FunctionalInterface
public interface CommandLine {
    int run(List<String> arguments, PrintStream out, PrintStream err) throws InterruptedException;
}
