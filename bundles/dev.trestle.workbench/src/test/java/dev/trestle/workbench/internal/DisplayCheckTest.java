package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayCheckTest {
    @Test
    void aDisplayIsMissingOnlyWhenNeitherX11NorWaylandIsNamed() {
        assertEquals(
                Optional.of("neither DISPLAY nor WAYLAND_DISPLAY is set"), WorkbenchRun.missingDisplay(name -> null));
        assertEquals(
                Optional.of("neither DISPLAY nor WAYLAND_DISPLAY is set"),
                WorkbenchRun.missingDisplay(Map.of("DISPLAY", " ", "WAYLAND_DISPLAY", "")::get));
        assertEquals(Optional.empty(), WorkbenchRun.missingDisplay(Map.of("DISPLAY", ":0")::get));
        assertEquals(Optional.empty(), WorkbenchRun.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0")::get));
    }

    @Test
    void theDisplayThatFailedIsNamedAsTheUserSetIt() {
        assertEquals("DISPLAY=:987", WorkbenchRun.describeDisplay(Map.of("DISPLAY", ":987")::get));
        assertEquals(
                "WAYLAND_DISPLAY=wayland-1", WorkbenchRun.describeDisplay(Map.of("WAYLAND_DISPLAY", "wayland-1")::get));
        assertEquals(
                "WAYLAND_DISPLAY=wayland-1 or DISPLAY=:1",
                WorkbenchRun.describeDisplay(Map.of("WAYLAND_DISPLAY", "wayland-1", "DISPLAY", ":1")::get));
    }
}
