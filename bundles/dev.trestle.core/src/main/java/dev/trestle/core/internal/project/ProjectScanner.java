package dev.trestle.core.internal.project;

import dev.trestle.core.jobs.Progress;
import dev.trestle.core.project.Languages;
import dev.trestle.model.Container;
import dev.trestle.model.Folder;
import dev.trestle.model.Member;
import dev.trestle.model.Project;
import dev.trestle.model.SourceFile;
import dev.trestle.model.TrestleFactory;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.emf.common.util.ECollections;

/**
 * Brings a project's member tree in line with the disk. Files whose size and modification time are unchanged
 * keep their digest (and everything else capabilities attached to them); only new or changed files are read,
 * in parallel. Hidden entries (version-control metadata, editor state) are not part of the project.
 */
public final class ProjectScanner {
    private final Path root;

    public ProjectScanner(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** What the scan changed. */
    public record Changes(int added, int changed, int removed, int unchanged) {}

    public Changes scan(Project project, Progress progress) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + root);
        }
        progress.begin("Reading " + root, -1);
        Map<String, BasicFileAttributes> onDisk = listFiles(progress);
        Map<String, SourceFile> known = new TreeMap<>();
        collectFiles(project, known);

        List<SourceFile> toDigest = new ArrayList<>();
        int unchanged = 0;
        int changed = 0;
        int added = 0;
        for (Map.Entry<String, BasicFileAttributes> entry : onDisk.entrySet()) {
            String path = entry.getKey();
            BasicFileAttributes attributes = entry.getValue();
            SourceFile file = known.remove(path);
            if (file == null) {
                file = TrestleFactory.eINSTANCE.createSourceFile();
                file.setPath(path);
                file.setLanguage(Languages.of(path));
                folderFor(project, path).getMembers().add(file);
                added++;
            } else if (file.getSize() == attributes.size()
                    && file.getLastModified() == attributes.lastModifiedTime().toMillis()
                    && file.getDigest() != null) {
                unchanged++;
                continue;
            } else {
                changed++;
            }
            file.setSize(attributes.size());
            file.setLastModified(attributes.lastModifiedTime().toMillis());
            toDigest.add(file);
        }
        for (SourceFile gone : known.values()) {
            removeWithEmptyParents(gone);
        }
        digest(toDigest, progress);
        sort(project);
        return new Changes(added, changed, known.size(), unchanged);
    }

    private Map<String, BasicFileAttributes> listFiles(Progress progress) throws IOException {
        Map<String, BasicFileAttributes> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                progress.checkCancelled();
                return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isHidden(file) && !isProjectFile(file)) {
                    files.put(relative(file), attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // An unreadable entry is left out of the project rather than failing the whole scan.
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private boolean isProjectFile(Path file) {
        return file.getParent().equals(root) && file.getFileName().toString().equals(ProjectStore.FILE_NAME);
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void collectFiles(Container container, Map<String, SourceFile> into) {
        for (Member member : container.getMembers()) {
            if (member instanceof SourceFile file) {
                into.put(file.getPath(), file);
            } else if (member instanceof Folder folder) {
                collectFiles(folder, into);
            }
        }
    }

    private static Container folderFor(Project project, String filePath) {
        Container container = project;
        int slash = filePath.indexOf('/');
        while (slash >= 0) {
            String folderPath = filePath.substring(0, slash);
            Container parent = container;
            container = parent.getMembers().stream()
                    .filter(m -> m instanceof Folder && folderPath.equals(m.getPath()))
                    .map(Folder.class::cast)
                    .findFirst()
                    .orElseGet(() -> {
                        Folder folder = TrestleFactory.eINSTANCE.createFolder();
                        folder.setPath(folderPath);
                        parent.getMembers().add(folder);
                        return folder;
                    });
            slash = filePath.indexOf('/', slash + 1);
        }
        return container;
    }

    private static void removeWithEmptyParents(Member member) {
        Container parent = (Container) member.eContainer();
        parent.getMembers().remove(member);
        while (parent instanceof Folder folder && folder.getMembers().isEmpty()) {
            Container grandParent = (Container) folder.eContainer();
            grandParent.getMembers().remove(folder);
            parent = grandParent;
        }
    }

    private void digest(List<SourceFile> files, Progress progress) {
        if (files.isEmpty()) {
            return;
        }
        progress.begin("Reading " + files.size() + " files", files.size());
        // Digests are computed in parallel but set on this thread: model listeners expect one writer.
        List<String> digests = files.parallelStream()
                .map(file -> {
                    progress.checkCancelled();
                    String digest = sha256(root.resolve(file.getPath()));
                    progress.worked(1);
                    return digest;
                })
                .toList();
        for (int i = 0; i < files.size(); i++) {
            files.get(i).setDigest(digests.get(i));
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final Comparator<Member> FOLDERS_FIRST_BY_NAME =
            Comparator.<Member, Boolean>comparing(m -> !(m instanceof Folder)).thenComparing(Member::getName);

    private static void sort(Container container) {
        // moves, not remove and add: references to the members stay intact
        ECollections.sort(container.getMembers(), FOLDERS_FIRST_BY_NAME);
        for (Member member : container.getMembers()) {
            if (member instanceof Folder folder) {
                sort(folder);
            }
        }
    }
}
