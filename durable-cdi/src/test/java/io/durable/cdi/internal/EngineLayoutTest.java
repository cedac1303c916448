package io.durable.cdi.internal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's layout: its capability packages form no cycle, each uses only the packages its
 * {@code package-info} names, none reaches back to the extension that wires them, and the public API
 * never depends on the implementation.
 */
@AnalyzeClasses(packages = {"io.durable.api", "io.durable.spi", "io.durable.cdi"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class EngineLayoutTest {

    private static final String INTERNAL = "io.durable.cdi.internal";

    /** Each capability package and the internal packages it may use, as its package-info says. */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "json", Set.of(),
            "platform", Set.of(),
            "time", Set.of("platform"),
            "definition", Set.of("time", "json"),
            "journal", Set.of("definition", "time", "platform", "json"),
            "composition", Set.of("journal", "definition", "time", "platform", "json"),
            "tracking", Set.of("journal", "json"),
            "access", Set.of("tracking", "journal"),
            "sync", Set.of("tracking", "journal", "definition", "time", "json"),
            "execution", Set.of("access", "composition", "tracking", "journal", "definition", "time", "platform",
                    "json"));

    @ArchTest
    static final ArchRule the_engine_packages_are_free_of_cycles =
            slices().matching(INTERNAL + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_engine_package_depends_on_the_extension_that_wires_them = noClasses()
            .that().resideInAPackage(INTERNAL + "..").and().resideOutsideOfPackage(INTERNAL)
            .should().dependOnClassesThat().resideInAPackage(INTERNAL)
            .because("the extension registers every package's beans; the beans see its results through Deployment");

    @ArchTest
    static final ArchRule the_api_and_spi_never_depend_on_the_implementation = noClasses()
            .that().resideInAnyPackage("io.durable.api..", "io.durable.spi..")
            .should().dependOnClassesThat().resideInAPackage("io.durable.cdi..");

    @ArchTest
    static void each_engine_package_uses_only_the_packages_its_package_info_names(JavaClasses classes) {
        for (Map.Entry<String, Set<String>> entry : MAY_USE.entrySet()) {
            List<String> others = MAY_USE.keySet().stream()
                    .filter(p -> !p.equals(entry.getKey()) && !entry.getValue().contains(p))
                    .map(p -> INTERNAL + "." + p + "..")
                    .toList();
            if (!others.isEmpty()) {
                noClasses().that().resideInAPackage(INTERNAL + "." + entry.getKey() + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                        .check(classes);
            }
        }
    }

    @ArchTest
    static final ArchRule only_the_extension_lives_beside_the_capability_packages = classes()
            .that().resideInAPackage(INTERNAL).and().doNotHaveSimpleName("package-info")
            .should().haveNameMatching(Pattern.quote(DurableExtension.class.getName()) + "(\\$.*)?")
            .because("an engine class belongs in the package of its capability");
}
