package dev.trestle.trace.strace;

import java.util.OptionalLong;

final class OptionalLongs {
    private OptionalLongs() {}

    static OptionalLong of(long value) {
        return OptionalLong.of(value);
    }
}
