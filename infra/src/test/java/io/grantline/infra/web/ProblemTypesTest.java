package io.grantline.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.grantline.api.common.RuleViolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every broken rule answers with a problem type {@code urn:grantline:problem:<slug>} that clients match on: the slugs are
 * part of the HTTP contract, pinned in {@code problem-types.txt}. A renamed rule fails here instead of silently changing
 * the contract; a new rule is added with {@code -Dgrantline.pin-problem-types=true}, which rewrites the file.
 */
class ProblemTypesTest {

    private static final Path PINNED = Path.of("src/test/resources/problem-types.txt");

    @Test
    void everyRulesProblemTypeIsPinned() throws IOException {
        List<String> slugs = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.grantline").stream()
                .filter(type -> type.isAssignableTo(RuleViolation.class) && !type.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(ProblemTypesTest::slug).distinct().sorted().toList();
        if (Boolean.getBoolean("grantline.pin-problem-types")) {
            Files.write(PINNED, slugs);
        }
        assertThat(slugs).as("problem types (urn:grantline:problem:<slug>) are part of the HTTP contract")
                .containsExactlyElementsOf(Files.readAllLines(PINNED).stream().filter(line -> !line.isBlank()).toList());
    }

    @SuppressWarnings("unchecked")
    private static String slug(JavaClass type) {
        return RuleViolation.slugOf((Class<? extends RuleViolation>) type.reflect());
    }
}
