package dev.trestle.editor.internal.command;

import dev.trestle.core.command.CommandFailure;

/** The failure for a command given the wrong number of arguments: its usage, and what it was given. */
final class Usage {
    private Usage() {}

    static CommandFailure wrong(String usage, String[] given) {
        String got = switch (given.length) {
            case 0 -> "no arguments";
            case 1 -> "1 argument: " + given[0];
            default -> given.length + " arguments: " + String.join(" ", given);
        };
        return CommandFailure.usage("usage: " + usage + " (got " + got + ")");
    }
}
