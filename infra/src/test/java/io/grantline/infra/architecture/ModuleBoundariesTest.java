package io.grantline.infra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of STYLE.md, checked on every build. */
@AnalyzeClasses(packages = "io.grantline", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule messagesDependOnNothingButThemselves = classes().that().resideInAPackage("io.grantline.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.grantline.api..", "java..",
                    "com.fasterxml.jackson..", "org.axonframework.serialization..", "org.axonframework.modelling.command..");

    @ArchTest
    static final ArchRule commandSideKnowsNoWebMongoOrEngine = noClasses().that().resideInAnyPackage("io.grantline.api..", "io.grantline.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.data..",
                    "com.mongodb..", "org.bson..", "org.camunda..", "jakarta.servlet..", "io.grantline.query..",
                    "io.grantline.workflow..", "io.grantline.infra..");

    @ArchTest
    static final ArchRule querySideUsesOnlyTheMessagesOfTheCommandSide = noClasses().that().resideInAPackage("io.grantline.query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grantline.command..", "io.grantline.workflow..",
                    "io.grantline.infra..", "org.camunda..");

    @ArchTest
    static final ArchRule workflowsUseOnlyTheMessagesOfTheCommandSide = noClasses().that().resideInAPackage("io.grantline.workflow..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grantline.command..", "io.grantline.query..",
                    "io.grantline.infra..", "org.springframework.data..", "com.mongodb..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule oneAggregatePerPackageAndNoCyclesBetweenThem = slices().matching("io.grantline.command.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainReadsTimeFromAnInjectedClock = noClasses().that().resideInAnyPackage("io.grantline.api..", "io.grantline.command..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis");
}
