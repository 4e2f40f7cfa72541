package dev.acgbot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The product's classes (every module's main code, no tests) against {@link ArchitectureRules}. */
class ArchitectureTest {
    static final ArchitectureRules RULES = new ArchitectureRules("dev.acgbot");
    static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::notABenchmark)
                .importPackages("dev.acgbot");
    }

    // benchmarks are leaving the product for the benchmarks/ module (issue 14, point 1); they are tools that may
    // look inside, not product code. Once they are gone this matches nothing.
    static final Pattern BENCHMARK = Pattern.compile(".*/bench/.*|.*Bench(\\$[^/]*)?\\.class");

    static boolean notABenchmark(Location location) {
        return !location.matches(BENCHMARK);
    }

    @Test
    void theImportSeesEveryModule() {
        for (String c : new String[]{"dev.acgbot.app.Main", "dev.acgbot.core.BotRuntime", "dev.acgbot.api.plugin.Plugin",
                "dev.acgbot.adapter.telegram.TelegramAdapter", "dev.acgbot.adapter.discord.DiscordAdapter",
                "dev.acgbot.gallery.Gallery", "dev.acgbot.models.image.ImageDecoder"}) {
            assertTrue(product.contain(c), c + " is imported, so the rules below do not pass on an empty set");
        }
    }

    @Test
    void apiDependsOnNothingOfOurs() {
        RULES.apiDependsOnNothingOfOurs().check(product);
    }

    @Test
    void coreKnowsNoPlatformNoMlAndNoPlugin() {
        RULES.coreKnowsNoPlatformNoMlAndNoPlugin().check(product);
    }

    @Test
    void adapterKitDependsOnNothingOfOurs() {
        RULES.adapterKitDependsOnNothingOfOurs().check(product);
    }

    @Test
    void adaptersKnowOnlyTheApi() {
        RULES.adaptersKnowOnlyTheApi().check(product);
    }

    @Test
    void adaptersKnowNoOtherAdapter() {
        RULES.adaptersKnowNoOtherAdapter().check(product);
    }

    @Test
    void pluginsKnowNoAdapterNoPlatformNoCore() {
        RULES.pluginsKnowNoAdapterNoPlatformNoCore().check(product);
    }

    @Test
    void modelsAndGalleryKnowNoChat() {
        RULES.modelsAndGalleryKnowNoChat().check(product);
    }

    @Test
    void nothingDependsOnTheApp() {
        RULES.nothingDependsOnTheApp().check(product);
    }

    @Test
    void internalsStayInsideTheirPackage() {
        RULES.internalsStayInsideTheirPackage().check(product);
    }

    @Test
    void noPackageCycles() {
        RULES.noPackageCycles().check(product);
    }
}
