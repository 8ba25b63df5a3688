package dev.trestle.workbench.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {
    @TempDir
    Path temp;

    @Test
    void bisect() throws Exception {
        WorkbenchFixture fixture = new WorkbenchFixture(temp.resolve("state"));
        WorkbenchWindow window = fixture.open();
        System.err.println("DEBUG start " + window.getShell().getBounds());
        window.getMenuBarManager().update(true);
        fixture.pump();
        System.err.println("DEBUG menubar " + window.getShell().getBounds());
        window.getToolBarManager().update(true);
        fixture.pump();
        System.err.println("DEBUG toolbar " + window.getShell().getBounds());
        window.views().sync(java.util.List.of(new GreetingView()));
        fixture.pump();
        System.err.println("DEBUG views " + window.getShell().getBounds());
        fixture.close();
    }
}
