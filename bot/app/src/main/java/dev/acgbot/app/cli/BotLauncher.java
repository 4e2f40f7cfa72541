package dev.acgbot.app.cli;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.core.AdapterSelection;
import dev.acgbot.core.AdapterState;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.console.ConsoleAdapter;
import dev.acgbot.core.plugins.PluginDiscovery;
import dev.acgbot.core.plugins.PluginSource;
import dev.acgbot.core.plugins.ServiceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Starts the bot with its plugins and adapters and keeps it running until input ends or a signal stops it. */
public final class BotLauncher {

    private BotLauncher() {
    }

    /**
     * @param consoleOnly run the console adapter alone, whatever the config says about chat adapters
     * @return the process exit code
     */
    public static int run(BotConfig config, boolean consoleOnly) throws InterruptedException {
        Logger log = LoggerFactory.getLogger(BotLauncher.class);
        ClassLoader loader = BotLauncher.class.getClassLoader();
        PluginDiscovery discovery = new PluginDiscovery();
        List<PluginSource> sources = new ArrayList<>(discovery.fromClassPath(loader));
        sources.addAll(discovery.fromDirectory(config.pluginsDir(), loader));

        AdapterSelection.validate(config, loader);
        AdapterSelection.Choice choice = consoleOnly
                ? new AdapterSelection.Choice(List.of(), true)
                : AdapterSelection.choose(config, loader);
        ConsoleAdapter console = choice.console()
                ? new ConsoleAdapter(System.in, System.out, isTerminal(), Path.of("").toAbsolutePath(), config.dataDir().resolve("console-out"))
                : null;
        List<ChatAdapter> adapters = new ArrayList<>(choice.chatAdapters());

        BotRuntime runtime = BotRuntime.startWithSources(config, sources, adapters, new ServiceRegistry());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runtime.close();
            discovery.closeLoaders();
            stopped.countDown();
        }, "acgbot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        if (console != null && runtime.startAdapter(console)) {
            console.awaitEnd();
            Runtime.getRuntime().removeShutdownHook(hook);
            hook.run();
            return 0;
        }
        List<AdapterState> states = runtime.adapterStates();
        if (states.stream().noneMatch(AdapterState::running)) {
            log.error("no adapter is running; check the adapters section of the configuration");
            System.err.println("acgbot: no chat adapter could start: "
                    + states.stream().map(s -> s.platform() + " (" + s.problem() + ")").toList());
            Runtime.getRuntime().removeShutdownHook(hook);
            hook.run();
            return 1;
        }
        log.info("{} {} running on {}; stop with Ctrl-C", config.botName(), BotRuntime.version(),
                states.stream().filter(AdapterState::running).map(AdapterState::platform).toList());
        stopped.await();
        return 0;
    }

    /** Java 22+ returns a Console even when stdin is a pipe; ask it whether it is a terminal when it can tell. */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
