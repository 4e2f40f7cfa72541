package dev.acgbot.app;

import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.app.cli.ConfigOption;
import dev.acgbot.app.cli.BotLauncher;
import dev.acgbot.app.cli.ConsoleCommand;
import dev.acgbot.app.cli.IndexCli;
import dev.acgbot.app.cli.ModelsCommand;
import dev.acgbot.app.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** The {@code acgbot} command line. Without a subcommand it runs the bot. */
@Command(name = "acgbot", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Tags anime art, finds similar images and searches a gallery by text, on Discord, Telegram or a local console.",
        subcommands = {RunCommand.class, ConsoleCommand.class, ModelsCommand.class, IndexCli.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        return BotLauncher.run(config.load(), false);
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code; configuration mistakes become one line on stderr. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("acgbot: configuration error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"acgbot " + dev.acgbot.core.BotRuntime.version()};
        }
    }
}
