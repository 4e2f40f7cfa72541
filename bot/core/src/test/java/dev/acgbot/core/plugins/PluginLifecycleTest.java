package dev.acgbot.core.plugins;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.plugin.PluginContext;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.router.RecordingResponder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginLifecycleTest {

    static final class Recording implements Plugin {
        final String id;
        final List<String> events;
        final RuntimeException failOnStart;

        Recording(String id, List<String> events, RuntimeException failOnStart) {
            this.id = id;
            this.events = events;
            this.failOnStart = failOnStart;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void start(PluginContext context) {
            events.add("start " + id);
            if (failOnStart != null) {
                throw failOnStart;
            }
        }

        @Override
        public List<BotCommand> commands() {
            return List.of(BotCommand.of(CommandSpec.builder(id.replace('-', '_'), "cmd").build(), ctx -> ctx.reply(id)));
        }

        @Override
        public void stop() {
            events.add("stop " + id);
        }
    }

    @Test
    void pluginsStartInOrderAndStopInReverse() {
        List<String> events = new ArrayList<>();
        BotRuntime runtime = BotRuntime.start(BotConfig.parse(""),
                List.of(new Recording("one", events, null), new Recording("two", events, null)), List.of());
        assertTrue(runtime.commands().stream().map(CommandSpec::name).toList().containsAll(List.of("help", "ping", "about", "one", "two")));
        runtime.close();
        assertEquals(List.of("start one", "start two", "stop two", "stop one"), events);
    }

    @Test
    void failingPluginIsDisabledAndTheRestRun() {
        List<String> events = new ArrayList<>();
        try (BotRuntime runtime = BotRuntime.start(BotConfig.parse(""),
                List.of(new Recording("broken", events, new IllegalStateException("no model")), new Recording("fine", events, null)), List.of())) {
            assertTrue(runtime.commands().stream().noneMatch(c -> c.name().equals("broken")));
            assertTrue(runtime.commands().stream().anyMatch(c -> c.name().equals("fine")));
            assertTrue(runtime.pluginStates().stream().anyMatch(s -> s.id().equals("broken") && s.status() == PluginState.Status.FAILED));
        }
    }

    @Test
    void configMistakeInAPluginStopsStartupNamingTheKey() {
        List<String> events = new ArrayList<>();
        ConfigException e = assertThrows(ConfigException.class, () -> BotRuntime.start(BotConfig.parse(""),
                List.of(new Recording("picky", events, new ConfigException("plugins.picky.k", "must be at most 50"))), List.of()));
        assertEquals("plugins.picky.k: must be at most 50", e.getMessage());
    }

    /** A plugin with typed settings of its own and a top-level section it owns. */
    static final class Picky implements Plugin {
        record Settings(int k) {
            Settings {
                if (k > 50) {
                    throw new ConfigException("k", "must be at most 50");
                }
            }
        }

        record Shared(String folder) {
        }

        static final SettingsSection<Settings> OWN = new SettingsSection<>("plugins.picky", Settings.class, new Settings(6));
        static final SettingsSection<Shared> SHARED = new SettingsSection<>("shelf", Shared.class, new Shared("art"));
        Settings seen;

        @Override
        public String id() {
            return "picky";
        }

        @Override
        public List<SettingsSection<?>> settings() {
            return List.of(OWN, SHARED);
        }

        @Override
        public void start(PluginContext context) {
            seen = context.settings(OWN);
        }

        @Override
        public List<BotCommand> commands() {
            return List.of();
        }
    }

    private static String startError(String yaml, Plugin... plugins) {
        return assertThrows(ConfigException.class, () -> BotRuntime.start(BotConfig.parse(yaml), List.of(plugins), List.of())).getMessage();
    }

    @Test
    void aPluginGetsItsBoundSettingsAndTheCoreChecksEveryKeyItDeclares() {
        Picky picky = new Picky();
        try (BotRuntime runtime = BotRuntime.start(BotConfig.parse("plugins:\n  picky:\n    enabled: true\n    k: 9\nshelf:\n  folder: x\n"),
                List.of(picky), List.of())) {
            assertEquals(new Picky.Settings(9), picky.seen);
        }
        assertEquals("plugins.picky.k: must be at most 50", startError("plugins:\n  picky:\n    k: 99\n", new Picky()));
        assertEquals("plugins.picky.kk: unknown key (did you mean 'k'?)", startError("plugins:\n  picky:\n    kk: 3\n", new Picky()));
        assertEquals("shelf.folders: unknown key (did you mean 'folder'?)", startError("shelf:\n  folders: x\n", new Picky()));
        assertEquals("shelfs: unknown top-level key (did you mean 'shelf'?)", startError("shelfs: {}\n", new Picky()));
        assertEquals("plugins.pick: unknown plugin (did you mean 'picky'?)", startError("plugins:\n  pick:\n    enabled: false\n", new Picky()));
        assertEquals("plugins.core.greeting: unknown key (plugin core has no settings besides enabled)", startError("plugins:\n  core:\n    greeting: hi\n", new Picky()));
    }

    /** Picky, whose settings an older version read under plugins.keeper. */
    static final class MovedPicky implements Plugin {
        private final Picky picky = new Picky();

        @Override
        public String id() {
            return picky.id();
        }

        @Override
        public List<SettingsSection<?>> settings() {
            return picky.settings();
        }

        @Override
        public java.util.Map<String, String> movedSettings() {
            return java.util.Map.of("plugins.keeper", "plugins.picky.keeper");
        }

        @Override
        public List<BotCommand> commands() {
            return List.of();
        }
    }

    @Test
    void aSectionThatMovedSaysWhereEachKeyIsNow() {
        assertEquals("plugins.keeper.k: moved to plugins.picky.keeper.k (all of plugins.keeper is now under plugins.picky.keeper)",
                startError("plugins:\n  keeper:\n    k: 3\n", new MovedPicky()));
        assertEquals("plugins.keeper.enabled: this section moved to plugins.picky.keeper, which has no switch of its own;"
                        + " plugins.picky.enabled switches the whole plugin",
                startError("plugins:\n  keeper:\n    enabled: false\n", new MovedPicky()));
        assertEquals("plugins.keeper: moved to plugins.picky.keeper", startError("plugins:\n  keeper: {}\n", new MovedPicky()));
        assertEquals("plugins.keepr: unknown plugin; known here: [core, picky]", startError("plugins:\n  keepr: {}\n", new MovedPicky()));
    }

    @Test
    void aDisabledPluginsSettingsAreStillChecked() {
        assertEquals("plugins.picky.kk: unknown key (did you mean 'k'?)",
                startError("plugins:\n  picky:\n    enabled: false\n    kk: 3\n", new Picky()));
    }

    @Test
    void aboutShowsTheConfiguredBotName() throws Exception {
        try (BotRuntime runtime = BotRuntime.start(BotConfig.parse("bot:\n  name: sakura-bot\n"), List.of(), List.of())) {
            RecordingResponder r = new RecordingResponder();
            MessageOrigin origin = new MessageOrigin("test", "c", new ChatUser("1", "mika"), true, false);
            assertTrue(runtime.sink().onText(origin, "/about", null, List.of(), Optional.empty(), r));
            assertTrue(r.awaitCompleted(5));
            assertTrue(r.lastText().startsWith("sakura-bot " + BotRuntime.version() + "\n"), r.lastText());
        }
    }
}
