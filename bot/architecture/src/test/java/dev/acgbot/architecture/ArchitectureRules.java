package dev.acgbot.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture as rules: data flows adapter → router (core) → plugin → models/gallery → reply → adapter,
 * and each layer knows only what is below it. The rules take the root package so that
 * {@code ArchitectureRulesTest} can run them on small deliberately bad class sets and see them fail.
 *
 * @param root {@code dev.acgbot} for the product
 */
record ArchitectureRules(String root) {
    /** Chat platforms' SDKs: only their adapter may know them. */
    static final String[] PLATFORMS = {"net.dv8tion..", "org.telegram..", "okhttp3..", "com.squareup.okhttp3.."};
    /** Inference, storage and vector-search libraries: only models and the gallery may know them. */
    static final String[] ML_LIBRARIES = {"ai.djl..", "ai.onnxruntime..", "org.mapdb..", "io.github.jbellis.."};

    private String p(String sub) {
        return root + "." + sub + "..";
    }

    private DescribedPredicate<JavaClass> ours() {
        return resideInAPackage(root + "..");
    }

    /** The plugin/adapter contract is the bottom of the bot: it may not know any other part of it. */
    ArchRule apiDependsOnNothingOfOurs() {
        return classes().that().resideInAPackage(p("api"))
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(root + "..").or(resideInAPackage(p("api"))))
                .because("bot/api is the contract every plugin and adapter compiles against");
    }

    /** The router, config, console and executor: no chat SDK, no ML library, no plugin or adapter. */
    ArchRule coreKnowsNoPlatformNoMlAndNoPlugin() {
        return noClasses().that().resideInAPackage(p("core"))
                .should().dependOnClassesThat(resideInAnyPackage(PLATFORMS)
                        .or(resideInAnyPackage(ML_LIBRARIES))
                        .or(ours().and(resideOutsideOfPackage(p("core"))).and(resideOutsideOfPackage(p("api")))))
                .because("the core routes commands; platforms are adapters' business and models are plugins'");
    }

    /** What adapters share (HTTP client lifecycle, token redaction) is a library: it knows nothing of ours. */
    ArchRule adapterKitDependsOnNothingOfOurs() {
        return classes().that().resideInAPackage(p("adapterkit"))
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(root + "..").or(resideInAPackage(p("adapterkit"))))
                .because("both adapters and the app's log redaction use it; it must not pull any of them in");
    }

    /** An adapter translates one platform to bot/api: it knows no command, model or gallery. */
    ArchRule adaptersKnowOnlyTheApi() {
        return noClasses().that().resideInAPackage(p("adapter"))
                .should().dependOnClassesThat(ours().and(resideOutsideOfPackage(p("adapter")))
                        .and(resideOutsideOfPackage(p("api"))).and(resideOutsideOfPackage(p("adapterkit"))))
                .orShould().dependOnClassesThat(resideInAnyPackage(ML_LIBRARIES))
                .because("adapters learn about commands only from the specs the router hands them");
    }

    /** Telegram's adapter does not use Discord's SDK, nor the other way round. */
    ArchRule adaptersKnowNoOtherAdapter() {
        return slices().matching(root + ".adapter.(*)..").should().notDependOnEachOther()
                .because("each adapter is optional and deployable on its own");
    }

    /** Each chat SDK is known by its own adapter only (the app too reaches platforms through adapters). */
    ArchRule eachPlatformSdkStaysInItsAdapter() {
        Map<String, String> owners = Map.of("org.telegram.", root + ".adapter.telegram", "net.dv8tion.", root + ".adapter.discord");
        return classes().that().resideInAPackage(root + "..").should(new ArchCondition<>("use a chat SDK only inside its adapter") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName() + ".";
                    owners.forEach((sdk, adapter) -> {
                        String from = origin.getPackageName();
                        if (target.startsWith(sdk) && !from.equals(adapter) && !from.startsWith(adapter + ".")) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription() + " uses " + sdk + "* outside " + adapter));
                        }
                    });
                }
            }
        }).because("a platform's SDK types must not leak past its adapter");
    }

    /** Commands reach users only through bot/api replies: no adapter, no platform, no core. */
    ArchRule pluginsKnowNoAdapterNoPlatformNoCore() {
        return noClasses().that().resideInAnyPackage(p("commands"), p("gallery"))
                .should().dependOnClassesThat(resideInAnyPackage(p("adapter"), p("core"), p("app")).or(resideInAnyPackage(PLATFORMS)))
                .because("a plugin must run unchanged on every chat platform and under any host");
    }

    /** Inference and the gallery index are libraries: no chat, no bot. */
    ArchRule modelsAndGalleryKnowNoChat() {
        return noClasses().that().resideInAnyPackage(p("models"), p("gallery"))
                .should().dependOnClassesThat(resideInAnyPackage(p("api"), p("core"), p("adapter"), p("commands"), p("app")))
                .orShould().dependOnClassesThat(resideInAnyPackage(PLATFORMS))
                .because("models and the gallery are reused by command-line tools and benchmarks without a bot");
    }

    /** Only the application wires the modules together; nothing depends on it. */
    ArchRule nothingDependsOnTheApp() {
        return noClasses().that().resideOutsideOfPackage(p("app"))
                .should().dependOnClassesThat().resideInAPackage(p("app"));
    }

    /** {@code x.y.internal..} is the implementation of {@code x.y}: only {@code x.y..} may use it. */
    ArchRule internalsStayInsideTheirPackage() {
        return classes().that().resideInAPackage(root + "..").should(new ArchCondition<>("use no other package's internal") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    int at = internalIndex(target);
                    if (at < 0 || !target.startsWith(root + ".")) {
                        continue;
                    }
                    String owner = target.substring(0, at);
                    String from = origin.getPackageName();
                    if (!from.equals(owner) && !from.startsWith(owner + ".")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()
                                + " reaches into " + owner + ".internal from outside " + owner));
                    }
                }
            }
        });
    }

    /** No package cycles, counting a package and its {@code .internal} as one (a facade and its implementation). */
    ArchRule noPackageCycles() {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (!pkg.startsWith(root + ".")) {
                    return SliceIdentifier.ignore();
                }
                int at = internalIndex(pkg);
                return SliceIdentifier.of(at < 0 ? pkg : pkg.substring(0, at));
            }

            @Override
            public String getDescription() {
                return "packages of " + root + " (with their .internal)";
            }
        }).should().beFreeOfCycles();
    }

    /** Where the first whole {@code .internal} segment starts in a package name, or -1. */
    static int internalIndex(String pkg) {
        String segment = ".internal";
        for (int at = pkg.indexOf(segment); at >= 0; at = pkg.indexOf(segment, at + 1)) {
            int end = at + segment.length();
            if (end == pkg.length() || pkg.charAt(end) == '.') {
                return at;
            }
        }
        return -1;
    }

    /** Every rule, by its method name. */
    Map<String, ArchRule> named() {
        Map<String, ArchRule> rules = new TreeMap<>();
        for (Method m : ArchitectureRules.class.getDeclaredMethods()) {
            if (m.getReturnType() == ArchRule.class && m.getParameterCount() == 0) {
                try {
                    rules.put(m.getName(), (ArchRule) m.invoke(this));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(m.getName(), e);
                }
            }
        }
        return rules;
    }
}
