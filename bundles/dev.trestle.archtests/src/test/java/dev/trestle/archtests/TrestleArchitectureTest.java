package dev.trestle.archtests;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Set;
import java.util.TreeSet;

/**
 * The architecture rules of Trestle, checked on the classes of the built bundles (their jars are this module's test
 * dependencies). The manifests are checked by {@link BundleManifestTest}.
 */
@AnalyzeClasses(
        packages = "dev.trestle",
        importOptions = {ImportOption.DoNotIncludeTests.class, TrestleArchitectureTest.WithoutTestBundles.class})
class TrestleArchitectureTest {

    /** EMF's generator writes these three packages, which refer to each other by design. */
    private static final String[] GENERATED_MODEL = {
        "dev.trestle.model", "dev.trestle.model.impl", "dev.trestle.model.util"
    };

    /** Leaves out the integration-test bundle should it ever be on the classpath. */
    public static final class WithoutTestBundles implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/dev/trestle/itests/") && !location.contains("/dev/trestle/archtests/");
        }
    }

    /** An import that finds nothing would let every rule below pass. */
    @ArchTest
    static void importSeesEveryTrestleBundle(JavaClasses classes) {
        assertTrue(classes.size() > 50, "only " + classes.size() + " Trestle classes were imported");
        Set<String> seen = new TreeSet<>();
        classes.forEach(
                javaClass -> TrestleBundles.bundleOf(javaClass.getPackageName()).ifPresent(seen::add));
        assertTrue(seen.containsAll(TrestleBundles.EXPECTED), "classes were imported only from " + seen);
    }

    /** The headless and internal rules map packages to bundles by name; this keeps that mapping honest. */
    @ArchTest
    static final ArchRule everyClassLivesInTheBundleItsPackageNames = classes()
            .should(new ArchCondition<JavaClass>("be packaged in the bundle their package names") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    String byName =
                            TrestleBundles.bundleOf(javaClass.getPackageName()).orElse("no bundle");
                    String byJar = TrestleBundles.bundleLoadedFrom(javaClass).orElse("no bundle");
                    if (!byName.equals(byJar) || byName.equals("no bundle")) {
                        events.add(SimpleConditionEvent.violated(
                                javaClass,
                                javaClass.getName() + " is in " + byJar + " but its package names " + byName));
                    }
                }
            });

    /** The command line and future headless products run without a display; see STYLE.md section 1. */
    @ArchTest
    static final ArchRule headlessBundlesDoNotDependOnSwtJfaceOrEclipseUi = noClasses()
            .that(TrestleBundles.resideInAHeadlessBundle())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.eclipse.swt..", "org.eclipse.jface..", "org.eclipse.ui..")
            .because("headless bundles must run without a display; UI belongs in *.ui bundles or the workbench");

    @ArchTest
    static final ArchRule noBundleUsesAnotherBundlesInternalPackages = classes()
            .should(new ArchCondition<JavaClass>("use no internal package of another bundle") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String own =
                            TrestleBundles.bundleOf(origin.getPackageName()).orElse("no bundle");
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        String target = dependency
                                .getTargetClass()
                                .getBaseComponentType()
                                .getPackageName();
                        if (!TrestleBundles.isInternal(target)) {
                            continue;
                        }
                        String owner = TrestleBundles.bundleOf(target).orElse("no bundle");
                        if (!owner.equals(own)) {
                            events.add(SimpleConditionEvent.violated(
                                    dependency, dependency.getDescription() + " (internal to " + owner + ")"));
                        }
                    }
                }
            })
            .because(
                    "internal packages are private to their bundle (Private-Package), so such a use fails at run time");

    /**
     * Cycles between any two Trestle packages, within a bundle or across bundles. Only the dependencies among the
     * packages EMF generates are ignored: the model interfaces, their implementations and the switch/adapter utilities
     * refer to each other by design and are regenerated on every build. A cycle through any hand-written package (such
     * as {@code dev.trestle.model.store}) is still found.
     */
    @ArchTest
    static final ArchRule trestlePackagesAreFreeOfCycles = slices().matching("dev.trestle.(**)")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(resideInAnyPackage(GENERATED_MODEL), resideInAnyPackage(GENERATED_MODEL));

    /**
     * Libraries report through their callers, not the terminal. Allowed: the command line, a terminal program; the
     * workbench's {@code WorkbenchRun}, which prints the machine-read startup marker {@code TRESTLE_FIRST_WINDOW} on
     * stdout; and {@code WorkbenchLog}, the workbench's error log, which writes to stderr because the launcher captures
     * it and there is no log service to rely on.
     */
    @ArchTest
    static final ArchRule librariesDoNotPrint = noClasses()
            .that(not(TrestleBundles.resideInBundle("dev.trestle.cli")))
            .and()
            .doNotHaveFullyQualifiedName("dev.trestle.workbench.internal.WorkbenchRun")
            .and()
            .doNotHaveFullyQualifiedName("dev.trestle.workbench.internal.WorkbenchLog")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("libraries return or report their results; only the terminal program and the workbench's log"
                    + " print");

    /** Generated EMF code included: it throws only specific exceptions, so it needs no exemption. */
    @ArchTest
    static final ArchRule noGenericExceptionsAreThrown = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
}
