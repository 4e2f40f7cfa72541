package dev.acgbot.commands.plugin;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.plugin.PluginContext;
import dev.acgbot.commands.CachedInference;
import dev.acgbot.commands.ImageIntake;
import dev.acgbot.commands.ModelAvailability;
import dev.acgbot.commands.VisionGallery;
import dev.acgbot.commands.VisionStatus;
import dev.acgbot.commands.admin.ReindexCommand;
import dev.acgbot.commands.internal.VisionMeters;
import dev.acgbot.models.api.Inference;
import io.micrometer.core.instrument.MeterRegistry;
import dev.acgbot.commands.admin.StatsCommand;
import dev.acgbot.commands.internal.VisionCaches;
import dev.acgbot.commands.search.InlineSearch;
import dev.acgbot.commands.search.SearchCommand;
import dev.acgbot.api.inline.InlineHandler;
import dev.acgbot.commands.settings.CacheSettings;
import dev.acgbot.commands.settings.GallerySettings;
import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.commands.safety.ChatModes;
import dev.acgbot.commands.safety.SafetyCommand;
import dev.acgbot.commands.safety.SafetyPolicy;
import dev.acgbot.commands.settings.SafetySettings;
import dev.acgbot.commands.settings.VisionSettings;
import dev.acgbot.commands.similar.SimilarCommand;
import dev.acgbot.commands.tag.ChatTagPreferences;
import dev.acgbot.commands.tag.TagCommand;
import dev.acgbot.commands.tag.TagPreferenceCommands;
import dev.acgbot.models.runtime.InferenceRuntime;
import dev.acgbot.models.runtime.MemoryBudget;
import dev.acgbot.models.runtime.MemoryPlan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.List;
import java.util.Map;

/**
 * The vision feature as one plugin: /tag, /similar, /search, /reindex and /stats over one model runtime, one
 * set of result caches and one gallery. It owns the {@code models:}, {@code gallery:} and {@code cache:}
 * sections and its own {@code plugins.vision:}; {@link #start} builds the collaborators from them (image
 * intake, cached inference, gallery) and hands each command only what it uses.
 */
public final class VisionPlugin implements Plugin {
    public static final String ID = "vision";
    private static final Logger LOG = LoggerFactory.getLogger(VisionPlugin.class);
    /** The chat modes admins set with /safety, under the bot's data directory. */
    public static final String CHAT_MODES_FILE = "safety-modes.properties";
    /** What chat admins chose with /tagstyle and /tagblacklist, under the bot's data directory. */
    public static final String TAG_PREFERENCES_FILE = "tag-preferences.properties";

    private InferenceRuntime runtime;
    private VisionGallery gallery;
    private CachedInference inference;
    private ReindexCommand reindex;
    private List<BotCommand> commands = List.of();
    private Optional<InlineHandler> inline = Optional.empty();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "/tag, /similar, /search, and /reindex, /stats, /safety, /tagstyle and /tagblacklist for admins";
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(ModelsSettings.SECTION, GallerySettings.SECTION, CacheSettings.SECTION, VisionSettings.SECTION,
                SafetySettings.SECTION);
    }

    /** Before issue 14 each command was a plugin of its own; their sections are answered with where they went. */
    @Override
    public Map<String, String> movedSettings() {
        return Map.of("plugins.tag", "plugins.vision.tag", "plugins.similar", "plugins.vision.similar",
                "plugins.search", "plugins.vision.search", "plugins.admin", "plugins.vision.reindex");
    }

    @Override
    public void start(PluginContext context) {
        ModelsSettings models = context.settings(ModelsSettings.SECTION);
        GallerySettings gallerySettings = context.settings(GallerySettings.SECTION);
        VisionSettings settings = context.settings(VisionSettings.SECTION);
        runtime = inferenceRuntime(models, context.botDataDir());
        Optional<MeterRegistry> meters = context.services().find(MeterRegistry.class);
        // every inference call, the gallery's included, is timed by model and device when /metrics is kept
        Inference timed = meters.map(registry -> VisionMeters.timed(runtime, registry)).orElse(runtime);
        ModelAvailability availability = new ModelAvailability(runtime);
        VisionCaches caches = new VisionCaches(context.settings(CacheSettings.SECTION));
        inference = new CachedInference(models, timed, availability, caches);
        SafetySettings safety = context.settings(SafetySettings.SECTION);
        ChatModes chatModes = ChatModes.load(context.botDataDir().resolve(CHAT_MODES_FILE));
        SafetyPolicy policy = new SafetyPolicy(safety, chatModes);
        gallery = new VisionGallery(gallerySettings, models, context.botDataDir(), timed, availability, safety);
        ImageIntake intake = new ImageIntake(gallerySettings.decodeLimits(), context.commandWorkers());
        reindex = new ReindexCommand(settings.reindex(), models, availability, gallery);
        // /tagstyle and /tagblacklist (issue 13.5)
        TagPreferenceCommands tagPreferences = new TagPreferenceCommands(settings.tag(),
                ChatTagPreferences.load(context.botDataDir().resolve(TAG_PREFERENCES_FILE)));
        commands = List.of(
                new TagCommand(settings.tag(), intake, inference, availability, safety, tagPreferences).command(),
                tagPreferences.styleCommand(),
                tagPreferences.blacklistCommand(),
                new SimilarCommand(settings.similar(), intake, inference, availability, gallery, policy).command(),
                new SearchCommand(settings.search(), inference, availability, gallery, policy).command(),
                new SafetyCommand(policy, chatModes).command(),
                reindex.command(),
                new StatsCommand(inference, runtime, gallery, reindex, context.services()).command());
        inline = Optional.of(new InlineSearch(settings.search(), inference, availability, gallery, policy));
        context.services().register(VisionStatus.class, new VisionStatus(gallery, models, runtime));
        meters.ifPresent(registry -> {
            VisionMeters.bindCaches(registry, caches);
            VisionMeters.bindGallery(registry, gallery::opened);
            reindex.bindMeters(registry);
        });
    }

    /**
     * The model runtime the settings describe; for the bot and for command-line tools. Each configured model's
     * batch follows from {@code models.memory_budget}; a budget too small for them is a configuration error that
     * says what would fit.
     */
    public static InferenceRuntime inferenceRuntime(ModelsSettings models, Path botDataDir) {
        MemoryBudget budget = models.budget(MemoryBudget.machineBytes());
        try {
            InferenceRuntime runtime = InferenceRuntime.builder()
                    .manifestDirs(models.manifestsDir())
                    .modelDir(models.dirOr(botDataDir))
                    .device(models.device())
                    .maxBatch(models.maxBatch())
                    .maxWait(models.maxWait())
                    .eagerLoad(models.eager())
                    .unloadIdle(models.unloadIdle())
                    .memoryBudget(budget, models.configuredModels())
                    .givenHeap(MemoryBudget.givenHeap().orElse(0))
                    .build();
            runtime.memoryPlan().ifPresent(VisionPlugin::logPlan);
            return runtime;
        } catch (MemoryPlan.TooSmall e) {
            throw new ConfigException("models.memory_budget", e.getMessage());
        }
    }

    private static void logPlan(MemoryPlan plan) {
        long heap = Runtime.getRuntime().maxMemory();
        LOG.info("memory budget {}: heap {} MB (the plan leaves room for {} MB), batches {}", plan.budget(), heap >> 20,
                plan.heap() >> 20, plan.models().values().stream().map(c -> c.id() + " " + c.batch()).toList());
        if (heap > plan.heap() * 5 / 4) {
            LOG.warn("the JVM heap ({} MB) is larger than memory_budget {} allows ({} MB): start with ./acgbot, or "
                    + "-Xmx{}m, or the process may outgrow the budget", heap >> 20, plan.budget(), plan.heap() >> 20,
                    plan.heap() >> 20);
        } else if (plan.overBudget() > 0) {
            LOG.warn("the heap the JVM was given ({} MB) and the models may together use {} MB more than memory_budget "
                    + "{} at their largest batches (now {}); the heap is rarely full, but to be sure raise memory_budget "
                    + "to {} MB", heap >> 20, plan.overBudget() >> 20, plan.budget(), plan.models().values().stream()
                    .map(c -> c.id() + " " + c.batch()).toList(), (plan.budget().bytes() + plan.overBudget() >> 20) + 1);
        }
    }

    @Override
    public List<BotCommand> commands() {
        return commands;
    }

    /** Inline queries run the /search text search (issue 13.3). */
    @Override
    public Optional<InlineHandler> inline() {
        return inline;
    }

    /** The cached inference, for tests that look behind the commands. */
    public CachedInference inference() {
        return inference;
    }

    @Override
    public void stop() {
        if (reindex != null) {
            reindex.cancel();
        }
        if (gallery != null) {
            gallery.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }
}
