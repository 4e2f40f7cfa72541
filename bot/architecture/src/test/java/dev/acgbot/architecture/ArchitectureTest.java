package dev.acgbot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The product's classes (every module's main code, no tests) against {@link ArchitectureRules}. */
class ArchitectureTest {
    static final ArchitectureRules RULES = new ArchitectureRules("dev.acgbot");
    static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.acgbot");
    }

    @Test
    void theImportSeesEveryModule() {
        for (String c : new String[]{"dev.acgbot.app.Main", "dev.acgbot.core.BotRuntime", "dev.acgbot.api.plugin.Plugin",
                "dev.acgbot.adapter.telegram.TelegramAdapter", "dev.acgbot.adapter.discord.DiscordAdapter", "dev.acgbot.adapterkit.TokenRedactor",
                "dev.acgbot.gallery.Gallery", "dev.acgbot.models.image.ImageDecoder"}) {
            assertTrue(product.contain(c), c + " is imported, so the rules below do not pass on an empty set");
        }
    }

    static Stream<String> rules() {
        return RULES.named().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theProductFollows(String rule) {
        RULES.named().get(rule).check(product);
    }
}
