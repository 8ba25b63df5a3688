package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trestle.workbench.widgets.SideBySideText;
import dev.trestle.workbench.widgets.SideBySideText.Marked;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

class SideBySideTextSwtTest {
    @Test
    void bothSidesShowTheirTextWithTheDifferingLinesColoured() throws Exception {
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            shell.setText("side by side");
            shell.setLayout(new FillLayout());
            shell.setSize(900, 360);
            SideBySideText sides = new SideBySideText(shell);
            String saved = "int main(void)\n{\n    int x = 1;\n    puts(\"old\");\n    return x;\n}\n";
            String now = "int main(void)\n{\n    int x = 2;\n    return x;\n}\n/* added */\n";
            sides.show(saved, now);
            shell.open();
            while (display.readAndDispatch()) {
                // let the window draw before it is captured
            }

            assertEquals(saved, sides.leftText());
            assertEquals(now, sides.rightText());
            assertEquals(List.of(new Marked(2, 2, false)), sides.markedLeft());
            assertEquals(List.of(new Marked(2, 1, false), new Marked(5, 1, true)), sides.markedRight());
            StyledText left = (StyledText) ((Composite) sides.control()).getChildren()[0];
            StyledText right = (StyledText) ((Composite) sides.control()).getChildren()[1];
            assertNull(left.getLineBackground(1), "a line both sides have is not coloured");
            assertNotNull(left.getLineBackground(3), "the changed run covers the line only the left has");
            assertNotNull(right.getLineBackground(5));
            assertEquals(
                    right.getLineBackground(2).getRGB(),
                    left.getLineBackground(2).getRGB(),
                    "a changed line has one colour on both sides");

            sides.show(now, now);
            assertEquals(List.of(), sides.markedLeft());
            assertNull(left.getLineBackground(3), "colours of the texts before are cleared");
            sides.show(saved, now);
            while (display.readAndDispatch()) {
                // redraw before the capture
            }
            Screenshots.save(shell, Path.of("target/screenshots/side-by-side.png"));
        } finally {
            shell.dispose();
        }
    }
}
