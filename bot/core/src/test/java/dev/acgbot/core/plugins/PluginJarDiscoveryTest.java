package dev.acgbot.core.plugins;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.router.RecordingResponder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds a real plugin jar in a temp directory, as an operator would drop one in, and loads it. */
class PluginJarDiscoveryTest {

    static final String SOURCE = """
            package example;

            import dev.acgbot.api.command.CommandSpec;
            import dev.acgbot.api.config.SettingsSection;
            import dev.acgbot.api.plugin.BotCommand;
            import dev.acgbot.api.plugin.Plugin;
            import dev.acgbot.api.plugin.PluginContext;
            import java.util.List;

            public class HelloPlugin implements Plugin {
                public record Settings(String greeting) { }
                static final SettingsSection<Settings> SETTINGS =
                        new SettingsSection<>("plugins.hello-jar", Settings.class, new Settings("hello"));
                private String greeting;
                public String id() { return "hello-jar"; }
                public List<SettingsSection<?>> settings() { return List.of(SETTINGS); }
                public void start(PluginContext context) { greeting = context.settings(SETTINGS).greeting(); }
                public List<BotCommand> commands() {
                    return List.of(BotCommand.of(CommandSpec.builder("hello", "Greets you").build(),
                            ctx -> ctx.reply(greeting + ", " + ctx.request().user().displayName())));
                }
            }
            """;

    static Path buildPluginJar(Path dir) throws Exception {
        Path src = dir.resolve("src/example/HelloPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String apiClassPath = Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int rc = compiler.run(null, null, null, "-d", classes.toString(), "-cp", apiClassPath, src.toString());
        assertEquals(0, rc, "plugin source compiles");
        Path jar = Files.createDirectories(dir.resolve("plugins")).resolve("hello.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("HelloPlugin.class", "HelloPlugin$Settings.class")) {
                out.putNextEntry(new JarEntry("example/" + name));
                Files.copy(classes.resolve("example/" + name), out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/dev.acgbot.api.plugin.Plugin"));
            out.write("example.HelloPlugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void pluginInAJarIsDiscoveredInItsOwnClassLoaderAndRuns(@TempDir Path dir) throws Exception {
        buildPluginJar(dir);
        PluginDiscovery discovery = new PluginDiscovery();
        List<PluginSource> found = discovery.fromDirectory(dir.resolve("plugins"), getClass().getClassLoader());
        assertEquals(1, found.size());
        assertEquals("hello-jar", found.get(0).plugin().id());
        assertEquals("jar hello.jar", found.get(0).describeOrigin());
        assertNotSame(getClass().getClassLoader(), found.get(0).plugin().getClass().getClassLoader());

        BotConfig config = BotConfig.parse("plugins:\n  hello-jar:\n    greeting: bonjour\n");
        try (BotRuntime runtime = BotRuntime.startWithSources(config, found, List.of(), new ServiceRegistry())) {
            RecordingResponder r = new RecordingResponder();
            MessageOrigin origin = new MessageOrigin("test", "c", new ChatUser("1", "mika"), true, false);
            assertTrue(runtime.sink().onText(origin, "/hello", null, List.of(), Optional.empty(), r));
            assertTrue(r.awaitCompleted(5));
            assertEquals("bonjour, mika", r.lastText());
        } finally {
            discovery.closeLoaders();
        }
    }

    @Test
    void pluginDisabledInConfigIsNotStarted(@TempDir Path dir) throws Exception {
        buildPluginJar(dir);
        PluginDiscovery discovery = new PluginDiscovery();
        List<PluginSource> found = discovery.fromDirectory(dir.resolve("plugins"), getClass().getClassLoader());
        BotConfig config = BotConfig.parse("plugins:\n  hello-jar:\n    enabled: false\n");
        try (BotRuntime runtime = BotRuntime.startWithSources(config, found, List.of(), new ServiceRegistry())) {
            assertTrue(runtime.commands().stream().noneMatch(c -> c.name().equals("hello")));
            assertTrue(runtime.pluginStates().stream().anyMatch(s -> s.id().equals("hello-jar") && s.status() == PluginState.Status.DISABLED));
        } finally {
            discovery.closeLoaders();
        }
    }

    @Test
    void jarWithoutPluginsAndMissingDirectoryAreHarmless(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(plugins.resolve("empty.jar")))) {
            out.flush();
        }
        PluginDiscovery discovery = new PluginDiscovery();
        assertTrue(discovery.fromDirectory(plugins, getClass().getClassLoader()).isEmpty());
        assertTrue(discovery.fromDirectory(dir.resolve("missing"), getClass().getClassLoader()).isEmpty());
        discovery.closeLoaders();
    }
}
