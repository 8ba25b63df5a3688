package dev.trestle.model.store;

import dev.trestle.model.Project;
import dev.trestle.model.TrestleFactory;
import dev.trestle.model.TrestlePackage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.impl.EPackageRegistryImpl;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMIResource;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;

/**
 * The project file: one XML file, {@value #FILE_NAME}, at the project root. Files refer to each other by their
 * project-relative path, so the file reads and diffs well.
 *
 * <p>Compatibility: the namespace is {@code https://trestle.dev/model/MAJOR.MINOR}. Any file of the same major
 * version loads: what an older minor version lacks takes its default, and what a newer one adds (elements or
 * attributes this version does not know) is kept and written back on save, so round-tripping through an older
 * Trestle loses nothing. A different major version is refused with a message naming it.
 */
public final class ProjectStore {
    public static final String FILE_NAME = "project.trestle";

    private static final Pattern NAMESPACE = Pattern.compile("https://trestle\\.dev/model/(\\d+)\\.(\\d+)");
    private static final String CURRENT_MAJOR = majorOf(TrestlePackage.eNS_URI);

    private ProjectStore() {}

    public static Path fileOf(Path projectRoot) {
        return projectRoot.resolve(FILE_NAME);
    }

    public static boolean exists(Path projectRoot) {
        return Files.isRegularFile(fileOf(projectRoot));
    }

    /** A new, empty project rooted at {@code projectRoot}, in a resource ready to be saved there. */
    public static Project create(Path projectRoot, String name) {
        Project project = TrestleFactory.eINSTANCE.createProject();
        project.setName(name);
        project.setRoot(projectRoot.toAbsolutePath().normalize().toString());
        newResource(fileOf(project)).getContents().add(project);
        return project;
    }

    public static Project load(Path projectRoot) throws IOException {
        Path file = fileOf(projectRoot);
        Resource resource = newResource(file);
        try (InputStream in = Files.newInputStream(file)) {
            resource.load(in, loadOptions());
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(file, 0, 0, "no project file (create one with 'init')", e);
        } catch (IOException | RuntimeException e) {
            throw describe(file, resource, e);
        }
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Project project)) {
            throw new ProjectFileException(file, 1, 0, "expected a <trestle:Project> root element", null);
        }
        project.setRoot(projectRoot.toAbsolutePath().normalize().toString());
        return project;
    }

    /** Saves atomically to the project file under {@link Project#getRoot()}. */
    public static void save(Project project) throws IOException {
        Path file = fileOf(project);
        Resource resource = project.eResource();
        if (resource == null) {
            resource = newResource(file);
            resource.getContents().add(project);
        }
        Resource toSave = resource;
        AtomicFiles.write(file, out -> toSave.save(out, saveOptions()));
    }

    /** The project file's text as {@link #save} would write it. */
    public static String toXml(Project project) throws IOException {
        Resource resource = project.eResource() != null ? project.eResource() : newResource(Path.of(FILE_NAME));
        if (project.eResource() == null) {
            resource.getContents().add(project);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        resource.save(out, saveOptions());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Path fileOf(Project project) {
        if (project.getRoot() == null) {
            throw new IllegalArgumentException("project '" + project.getName() + "' has no root directory");
        }
        return fileOf(Path.of(project.getRoot()));
    }

    private static Resource newResource(Path file) {
        ResourceSet set = new ResourceSetImpl();
        set.setPackageRegistry(new SameMajorVersionRegistry());
        Resource resource =
                new XMIResourceImpl(URI.createFileURI(file.toAbsolutePath().toString()));
        set.getResources().add(resource);
        return resource;
    }

    private static Map<Object, Object> loadOptions() {
        Map<Object, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_RECORD_UNKNOWN_FEATURE, Boolean.TRUE);
        options.put(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE);
        return options;
    }

    private static Map<Object, Object> saveOptions() {
        Map<Object, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_ENCODING, "UTF-8");
        options.put(XMIResource.OPTION_USE_XMI_TYPE, Boolean.FALSE);
        return options;
    }

    private static ProjectFileException describe(Path file, Resource resource, Exception e) {
        if (!resource.getErrors().isEmpty()) {
            Resource.Diagnostic first = resource.getErrors().get(0);
            return new ProjectFileException(file, first.getLine(), first.getColumn(), plain(first.getMessage()), e);
        }
        Throwable cause = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.xml.sax.SAXParseException sax) {
                return new ProjectFileException(file, sax.getLineNumber(), sax.getColumnNumber(), sax.getMessage(), e);
            }
            cause = t;
        }
        return new ProjectFileException(file, 0, 0, String.valueOf(cause.getMessage()), e);
    }

    /** EMF's messages end with the location we already print, and some show object dumps instead of words. */
    private static String plain(String message) {
        String text = message == null ? "unreadable" : message.replaceFirst("\\s*\\(file:[^)]*\\)$", "");
        if (text.contains("xml.type.impl.AnyTypeImpl")) {
            Matcher kind = Pattern.compile("\\(name: (\\w+)\\)").matcher(text);
            String type = kind.find() ? kind.group(1) : "an abstract type";
            return "an element of type " + type + " needs xsi:type naming what it is (e.g. xsi:type=\"trestle:"
                    + ("Member".equals(type) ? "SourceFile" : type) + "\")";
        }
        return text;
    }

    private static String majorOf(String namespace) {
        Matcher m = NAMESPACE.matcher(namespace);
        return m.matches() ? m.group(1) : null;
    }

    /** Resolves every namespace of the current major version to the current package. */
    private static final class SameMajorVersionRegistry extends EPackageRegistryImpl {
        private static final long serialVersionUID = 1L;

        SameMajorVersionRegistry() {
            super(EPackage.Registry.INSTANCE);
        }

        @Override
        public EPackage getEPackage(String nsURI) {
            String major = nsURI == null ? null : majorOf(nsURI);
            if (major != null) {
                if (major.equals(CURRENT_MAJOR)) {
                    return TrestlePackage.eINSTANCE;
                }
                throw new IllegalArgumentException("written in format " + nsURI + ", this Trestle reads only "
                        + CURRENT_MAJOR + ".x (" + TrestlePackage.eNS_URI + ")");
            }
            return super.getEPackage(nsURI);
        }
    }

    /** For tests and tools: the objects of a project file that carry content this version does not know. */
    public static Map<EObject, ?> unknownContent(Project project) {
        if (project.eResource() instanceof XMLResource xml) {
            return xml.getEObjectToExtensionMap();
        }
        return Map.of();
    }
}
