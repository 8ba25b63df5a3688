package dev.trestle.editor.ui.internal;

/** The heap in use after collecting what can be: how the large-file tests and benchmark weigh a file's cost. */
final class Heap {
    private Heap() {}

    static long used() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
