package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.FileStamp;
import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.model.Severity;
import dev.trestle.model.TrestleFactory;
import dev.trestle.model.store.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The user's own bookmarks and notes on lines of a project's files, kept as annotations of origin {@value #ORIGIN} in
 * the shared model, so the Annotations window, the rulers and the map show them with everything else. They are the
 * user's, not any build's, so they are also written to a file of their own under the state directory, one per
 * project root (outside the source tree), and put back into the model when a project is first seen.
 */
final class UserNotes {
    static final String ORIGIN = "note";
    static final String BOOKMARK = "bookmark: ";

    private final Path directory;
    /** Projects whose notes were read into their model already (the model object, not the path: a reopen reloads). */
    private final Map<Project, Boolean> loaded = Collections.synchronizedMap(new WeakHashMap<>());

    UserNotes(Path stateDirectory) {
        this.directory = stateDirectory.resolve("notes");
    }

    /** Puts the project's saved notes into its model, once per model. Call on the display thread. */
    void load(Project project) throws IOException {
        if (project == null || project.getRoot() == null || loaded.put(project, Boolean.TRUE) != null) {
            return;
        }
        project.getAnnotations().removeIf(UserNotes::isNote);
        Path file = fileOf(project);
        if (!Files.exists(file)) {
            return;
        }
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String[] fields = line.split("\t", -1);
            if (fields.length != 3 || !fields[1].matches("[1-9][0-9]{0,8}")) {
                throw new IOException(file + ":" + number + ": not a note (path, tab, line, tab, text): " + line);
            }
            project.getAnnotations().add(note(fields[0], Integer.parseInt(fields[1]), unescape(fields[2])));
        }
    }

    /** Adds a bookmark on {@code line} of {@code path}, or removes the notes there if there are any. */
    void toggleBookmark(Project project, String path, int line, String lineText) throws IOException {
        load(project);
        boolean removed = project.getAnnotations()
                .removeIf(a -> isNote(a) && path.equals(a.getPath()) && a.getStartLine() == line);
        if (!removed) {
            String head = lineText.strip();
            project.getAnnotations()
                    .add(note(path, line, BOOKMARK + (head.length() > 80 ? head.substring(0, 80) + "…" : head)));
        }
        save(project);
    }

    void addNote(Project project, String path, int line, String text) throws IOException {
        load(project);
        project.getAnnotations().add(note(path, line, text.strip()));
        save(project);
    }

    static boolean isNote(Annotation annotation) {
        return ORIGIN.equals(annotation.getOrigin());
    }

    private static Annotation note(String path, int line, String message) {
        Annotation annotation = TrestleFactory.eINSTANCE.createAnnotation();
        annotation.setPath(path);
        annotation.setStartLine(line);
        annotation.setEndLine(line);
        annotation.setSeverity(Severity.INFO);
        annotation.setMessage(message);
        annotation.setOrigin(ORIGIN);
        return annotation;
    }

    private void save(Project project) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Annotation annotation : project.getAnnotations()) {
            if (isNote(annotation)) {
                lines.add(annotation.getPath() + "\t" + annotation.getStartLine() + "\t"
                        + escape(annotation.getMessage()));
            }
        }
        byte[] content = (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8);
        Path file = fileOf(project);
        Files.createDirectories(directory);
        AtomicFiles.write(file, out -> new ByteArrayInputStream(content).transferTo(out));
    }

    /** One file per project root, named by the root's digest: any path, however long or odd, makes a short name. */
    Path fileOf(Project project) {
        String root = Path.of(project.getRoot()).toAbsolutePath().normalize().toString();
        String digest = HexFormat.of().formatHex(FileStamp.newSha256().digest(root.getBytes(StandardCharsets.UTF_8)));
        return directory.resolve(digest.substring(0, 32) + ".notes");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
