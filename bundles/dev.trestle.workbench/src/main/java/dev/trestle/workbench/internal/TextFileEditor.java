package dev.trestle.workbench.internal;

import dev.trestle.model.store.AtomicFiles;
import dev.trestle.workbench.EditorPart;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * The editor of last resort: plain text, for files no contribution claims. A file that is not UTF-8 is read and
 * written back as ISO-8859-1, which maps every byte to one character, so saving never corrupts it.
 */
final class TextFileEditor implements EditorPart {
    private final Path file;
    private final Charset charset;
    private final StyledText text;
    private final List<Runnable> dirtyListeners = new CopyOnWriteArrayList<>();
    private boolean dirty;

    TextFileEditor(Composite parent, Path file) throws IOException {
        this.file = file;
        byte[] bytes = Files.readAllBytes(file);
        String content;
        Charset detected = StandardCharsets.UTF_8;
        try {
            content = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            detected = StandardCharsets.ISO_8859_1;
            content = new String(bytes, detected);
        }
        charset = detected;
        text = new StyledText(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        text.setText(content);
        text.addModifyListener(event -> setDirty(true));
    }

    @Override
    public Control control() {
        return text;
    }

    @Override
    public boolean isDirty() {
        return dirty;
    }

    @Override
    public void save() throws IOException {
        byte[] bytes = text.getText().getBytes(charset);
        AtomicFiles.write(file, out -> out.write(bytes));
        setDirty(false);
    }

    @Override
    public void dispose() {
        dirtyListeners.clear();
    }

    @Override
    public void onDirtyChanged(Runnable listener) {
        dirtyListeners.add(listener);
    }

    @Override
    public void revealLine(int line) {
        int index = Math.max(0, Math.min(line - 1, text.getLineCount() - 1));
        text.setCaretOffset(text.getOffsetAtLine(index));
        text.setTopIndex(Math.max(0, index - 3));
        text.setFocus();
    }

    StyledText text() {
        return text;
    }

    private void setDirty(boolean value) {
        if (dirty != value) {
            dirty = value;
            dirtyListeners.forEach(Runnable::run);
        }
    }
}
