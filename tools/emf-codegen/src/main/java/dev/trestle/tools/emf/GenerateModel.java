package dev.trestle.tools.emf;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.GenPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.URIConverter;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;

/**
 * Generates the Java code of an EMF model from its {@code .genmodel} with EMF's own generator, without an
 * Eclipse workspace.
 *
 * <p>Arguments: {@code <model.genmodel> <projectName> <outputDir>}. The genmodel's {@code modelDirectory} is
 * {@code /<projectName>/src}; {@code platform:/resource/<projectName>/} is mapped to {@code outputDir}. The
 * output is regenerated only when the genmodel or its ecore is newer than the last run, so an unchanged model
 * costs nothing in an incremental build.
 */
public final class GenerateModel {
    private static final PrintStream LOG = System.out;

    private GenerateModel() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GenerateModel <model.genmodel> <projectName> <outputDir>, got "
                    + args.length + " arguments");
        }
        File genModelFile = new File(args[0]).getAbsoluteFile();
        File ecoreFile =
                new File(genModelFile.getParentFile(), genModelFile.getName().replace(".genmodel", ".ecore"));
        File outDir = new File(args[2]).getAbsoluteFile();
        if (!genModelFile.isFile() || !ecoreFile.isFile()) {
            throw new IllegalArgumentException("missing " + genModelFile + " or " + ecoreFile);
        }
        File stamp = new File(outDir, ".generated");
        if (stamp.lastModified() >= Math.max(genModelFile.lastModified(), ecoreFile.lastModified())) {
            LOG.println("[emf-codegen] up to date: " + outDir);
            return;
        }
        long start = System.nanoTime();
        deleteRecursively(outDir.toPath());
        Files.createDirectories(outDir.toPath());
        generate(loadGenModel(genModelFile, args[1], outDir));
        long files;
        try (Stream<Path> s = Files.walk(outDir.toPath())) {
            files = s.filter(p -> p.toString().endsWith(".java")).count();
        }
        Files.writeString(stamp.toPath(), "generated from " + genModelFile.getName() + "\n");
        LOG.printf(
                "[emf-codegen] generated %d Java files into %s in %d ms%n",
                files, outDir, (System.nanoTime() - start) / 1_000_000);
    }

    private static GenModel loadGenModel(File genModelFile, String projectName, File outDir) throws Exception {
        // What the Eclipse extension registry would register inside the IDE.
        EcorePackage.eINSTANCE.eClass();
        GenModelPackage.eINSTANCE.eClass();
        ResourceSet resources = new ResourceSetImpl();
        var factories = resources.getResourceFactoryRegistry().getExtensionToFactoryMap();
        factories.put("ecore", new EcoreResourceFactoryImpl());
        factories.put("genmodel", new EcoreResourceFactoryImpl());
        resources.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
        URIConverter.URI_MAP.put(
                URI.createPlatformResourceURI("/" + projectName + "/", true),
                URI.createFileURI(outDir.getPath() + "/"));
        // usedGenPackages points at platform:/plugin/org.eclipse.emf.ecore/model/Ecore.genmodel: inside the jar
        String ecoreJar = EcorePackage.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI()
                .toString();
        URIConverter.URI_MAP.put(
                URI.createPlatformPluginURI("/org.eclipse.emf.ecore/", true),
                URI.createURI("archive:" + ecoreJar + "!/"));
        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(
                GenModelPackage.eNS_URI, GenModelGeneratorAdapterFactory.DESCRIPTOR);

        GenModel genModel = (GenModel) resources
                .getResource(URI.createFileURI(genModelFile.getPath()), true)
                .getContents()
                .get(0);
        for (GenPackage genPackage : genModel.getGenPackages()) {
            if (genPackage.getGenClassifiers().isEmpty()) {
                // The genmodel keeps only package settings; classes and features come from the ecore.
                String basePackage = genPackage.getBasePackage();
                String prefix = genPackage.getPrefix();
                genPackage.initialize(genPackage.getEcorePackage());
                genPackage.setBasePackage(basePackage);
                genPackage.setPrefix(prefix);
            }
        }
        genModel.reconcile();
        genModel.setCanGenerate(true);
        genModel.setValidateModel(true);
        Diagnostic validity = genModel.diagnose();
        if (validity.getSeverity() == Diagnostic.ERROR) {
            throw new IllegalStateException(genModelFile + " is invalid: " + validity);
        }
        return genModel;
    }

    private static void generate(GenModel genModel) {
        Generator generator = new Generator();
        generator.setInput(genModel);
        Diagnostic result = generator.generate(
                genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE, new BasicMonitor.Printing(LOG) {
                    @Override
                    public void subTask(String name) {
                        // one line per file is noise in a build log
                    }
                });
        if (result.getSeverity() == Diagnostic.ERROR) {
            throw new IllegalStateException("EMF generation failed: " + result);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
