package dev.trestle.backup.ui.internal;

import dev.trestle.backup.ArchiveCopy;
import dev.trestle.workbench.WorkbenchContext;
import dev.trestle.workbench.widgets.SideBySideText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * A damaged file's copy in the archive beside its live copy: the archive's text on the left, the live file's on the
 * right, the lines where they differ coloured, so the reader sees what the damage touched and whether the live copy
 * still has it. Either side opens in the editor. Display thread only.
 */
final class ArchiveCopyWindow {
    private final Shell shell;
    private final SideBySideText sides;
    private final Label note;

    private ArchiveCopyWindow(WorkbenchContext context, Path archive, String path, ArchiveCopy copy, Path liveFile) {
        shell = new Shell(context.shell(), SWT.SHELL_TRIM);
        shell.setText(path + ": the archive's copy beside the live copy");
        GridLayoutFactory.fillDefaults().margins(6, 6).numColumns(2).applyTo(shell);

        note = new Label(shell, SWT.WRAP);
        note.setText("Left: " + path + " in " + archive.getFileName() + " (" + copy.note() + ").   Right: "
                + (liveFile != null ? liveFile : "no live copy") + ".");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(note);

        sides = new SideBySideText(shell);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(sides.control());
        sides.show(read(copy.file()), liveFile != null && Files.isRegularFile(liveFile) ? read(liveFile) : "");

        Button openArchived = new Button(shell, SWT.PUSH);
        openArchived.setText("Open Archive's Copy in Editor");
        openArchived.addListener(SWT.Selection, e -> context.openFile(copy.file()));
        Button openLive = new Button(shell, SWT.PUSH);
        openLive.setText("Open Live Copy in Editor");
        openLive.setEnabled(liveFile != null && Files.isRegularFile(liveFile));
        openLive.addListener(SWT.Selection, e -> context.openFile(liveFile));
        GridDataFactory.swtDefaults()
                .align(SWT.END, SWT.CENTER)
                .grab(true, false)
                .applyTo(openArchived);
    }

    /** Opens the window over the workbench window, side by side in its width. */
    static ArchiveCopyWindow open(
            WorkbenchContext context, Path archive, String path, ArchiveCopy copy, Path liveFile) {
        ArchiveCopyWindow window = new ArchiveCopyWindow(context, archive, path, copy, liveFile);
        var bounds = context.shell().getBounds();
        window.shell.setBounds(
                bounds.x + bounds.width / 16,
                bounds.y + bounds.height / 8,
                bounds.width * 7 / 8,
                bounds.height * 3 / 4);
        window.shell.open();
        return window;
    }

    Shell shell() {
        return shell;
    }

    String archivedText() {
        return sides.leftText();
    }

    String liveText() {
        return sides.rightText();
    }

    SideBySideText sides() {
        return sides;
    }

    String note() {
        return note.getText();
    }

    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SideBySideText.head(in);
        } catch (IOException e) {
            return "cannot read " + file + ": " + e.getMessage();
        }
    }
}
