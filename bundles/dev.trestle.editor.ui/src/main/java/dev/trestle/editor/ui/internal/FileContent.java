package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.FileStamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A file's text as loaded, with what is needed to write it back unchanged: the charset (UTF-8, or ISO-8859-1 which
 * maps every byte to a char so a file in another encoding survives a save byte for byte) and the stamp. Line endings
 * and a byte-order mark stay in the text itself, so they are written back as they were.
 */
record FileContent(String text, Charset charset, FileStamp stamp) {
    /** Larger files are not loaded onto the heap; the piece-tree editor will page them. */
    static final long MAX_SIZE = 16L << 20;

    static FileContent read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_SIZE) {
            throw new IOException(file + " has " + size + " bytes; the editor loads at most " + MAX_SIZE);
        }
        byte[] bytes = Files.readAllBytes(file);
        MessageDigest digest = FileStamp.newSha256();
        String sha256 = HexFormat.of().formatHex(digest.digest(bytes));
        FileStamp stamp =
                new FileStamp(bytes.length, Files.getLastModifiedTime(file).toInstant(), sha256);
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new FileContent(text, StandardCharsets.UTF_8, stamp);
        } catch (CharacterCodingException e) {
            return new FileContent(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1, stamp);
        }
    }

    static boolean tooLarge(Path file) throws IOException {
        return Files.size(file) > MAX_SIZE;
    }

    byte[] encode(String newText) {
        return newText.getBytes(charset);
    }
}
