package dev.trestle.backup.ui.internal;

import dev.trestle.backup.ArchiveCopy;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * A damaged file's copy in the archive beside its live copy: the archive's text on the left, the live file's on the
 * right, lines that the other side lacks coloured, so the reader sees what the damage touched and whether the live
 * copy still has it. Either side opens in the editor. Display thread only.
 */
final class ArchiveCopyWindow {
    /** Large files are compared by their first part: the window is for reading, not for gigabyte diffs. */
    private static final int SHOWN_BYTES = 2 << 20;

    private final Shell shell;
    private final StyledText archived;
    private final StyledText live;
    private final Label note;

    private ArchiveCopyWindow(WorkbenchContext context, Path archive, String path, ArchiveCopy copy, Path liveFile) {
        shell = new Shell(context.shell(), SWT.SHELL_TRIM);
        shell.setText(path + ": the archive's copy beside the live copy");
        GridLayoutFactory.fillDefaults().margins(6, 6).numColumns(2).applyTo(shell);

        note = new Label(shell, SWT.WRAP);
        note.setText("Left: " + path + " in " + archive.getFileName() + " (" + copy.note() + ").   Right: "
                + (liveFile != null ? liveFile : "no live copy") + ".");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(note);

        SashForm sides = new SashForm(shell, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(sides);
        archived = text(sides);
        live = text(sides);
        String archivedText = read(copy.file());
        String liveText = liveFile != null && Files.isRegularFile(liveFile) ? read(liveFile) : "";
        archived.setText(archivedText);
        live.setText(liveText);
        Color changed = new Color(255, 236, 200);
        shell.addDisposeListener(e -> changed.dispose());
        mark(archived, archivedText, liveText, changed);
        mark(live, liveText, archivedText, changed);

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
        return archived.getText();
    }

    String liveText() {
        return live.getText();
    }

    String note() {
        return note.getText();
    }

    /** Colours the lines of {@code text} that the other side does not have. */
    private static void mark(StyledText widget, String text, String other, Color changed) {
        Set<String> others = new HashSet<>(other.lines().toList());
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size() && i < widget.getLineCount(); i++) {
            widget.setLineBackground(i, 1, others.contains(lines.get(i)) ? null : changed);
        }
    }

    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(SHOWN_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "cannot read " + file + ": " + e.getMessage();
        }
    }

    private static StyledText text(Composite parent) {
        StyledText text = new StyledText(parent, SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL | SWT.READ_ONLY);
        text.setFont(JFaceResources.getTextFont());
        return text;
    }
}
