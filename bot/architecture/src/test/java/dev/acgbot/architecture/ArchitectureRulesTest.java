package dev.acgbot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules themselves can fail: each runs on a small class set under {@code fixture.<scenario>} that breaks
 * it on purpose (one forbidden dependency), and must report that class; a miniature of the intended layout
 * ({@code fixture.good}) passes every rule.
 */
class ArchitectureRulesTest {
    static final String FIXTURES = "dev.acgbot.architecture.fixture";

    static EvaluationResult evaluate(String scenario, Function<ArchitectureRules, ArchRule> rule) {
        String root = FIXTURES + "." + scenario;
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        return rule.apply(new ArchitectureRules(root)).evaluate(classes);
    }

    @Test
    void theIntendedLayoutPassesEveryRule() {
        String root = FIXTURES + ".good";
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        for (ArchRule rule : new ArchitectureRules(root).named().values()) {
            EvaluationResult result = rule.evaluate(classes);
            assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
        }
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
            "apileak,       apiDependsOnNothingOfOurs,            api.Leaky",
            "kitleak,       adapterKitDependsOnNothingOfOurs,     adapterkit.Redaction",
            "coreplatform,  coreKnowsNoPlatformNoMlAndNoPlugin,   core.DiscordAwareRouter",
            "coreml,        coreKnowsNoPlatformNoMlAndNoPlugin,   core.InferringRouter",
            "adapterplugin, adaptersKnowOnlyTheApi,               adapter.chat.CommandAwareAdapter",
            "crossadapter,  adaptersKnowNoOtherAdapter,           adapter.telegram.TelegramAdapter",
            "sdkleak,       eachPlatformSdkStaysInItsAdapter,     adapter.telegram.JdaAwareTelegramAdapter",
            "pluginadapter, pluginsKnowNoAdapterNoPlatformNoCore, commands.PlatformAwareCommand",
            "plugincore,    pluginsKnowNoAdapterNoPlatformNoCore, commands.RouterAwareCommand",
            "modelschat,    modelsAndGalleryKnowNoChat,           models.image.ChattyDecoder",
            "appdep,        nothingDependsOnTheApp,               core.Router",
            "internalreach, internalsStayInsideTheirPackage,      models.preprocess.Resizer",
            "cycle,         noPackageCycles,                      models.image.Image",
    })
    void aForbiddenDependencyFailsItsRuleNamingTheClass(String scenario, String ruleName, String offender) {
        EvaluationResult result = evaluate(scenario, rules -> rules.named().get(ruleName));
        assertTrue(result.hasViolation(), scenario + " must break " + ruleName);
        String report = result.getFailureReport().toString();
        String offenderClass = FIXTURES + "." + scenario + "." + offender;
        assertTrue(report.contains(offenderClass), "the report names " + offenderClass + ":\n" + report);
    }

    @Test
    void everyRuleHasABadFixtureAbove() throws NoSuchMethodException {
        CsvSource scenarios = getClass().getDeclaredMethod("aForbiddenDependencyFailsItsRuleNamingTheClass",
                String.class, String.class, String.class).getAnnotation(CsvSource.class);
        Set<String> covered = Arrays.stream(scenarios.value()).map(row -> row.split(",")[1].strip()).collect(Collectors.toSet());
        assertEquals(new ArchitectureRules(FIXTURES).named().keySet(), covered);
    }

    @Test
    void theSameBadSetsPassTheRulesTheyDoNotBreak() {
        // the internal-reach set has no cycle and reaches no chat code: only its one rule fails
        assertFalse(evaluate("internalreach", ArchitectureRules::noPackageCycles).hasViolation());
        assertFalse(evaluate("internalreach", ArchitectureRules::modelsAndGalleryKnowNoChat).hasViolation());
        assertFalse(evaluate("cycle", ArchitectureRules::internalsStayInsideTheirPackage).hasViolation());
    }
}
