package dev.acgbot.app;

import dev.acgbot.app.cli.ConfigOption;
import dev.acgbot.app.cli.BotLauncher;
import dev.acgbot.app.cli.ConsoleCommand;
import dev.acgbot.app.cli.GalleryCommand;
import dev.acgbot.app.cli.HeapCommand;
import dev.acgbot.app.cli.IndexCli;
import dev.acgbot.app.cli.ModelsCommand;
import dev.acgbot.app.cli.RunCommand;
import dev.acgbot.app.cli.TagCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** The {@code acgbot} command line. Without a subcommand it runs the bot. */
@Command(name = "acgbot", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Main.Version.class,
        description = "Tags anime art, finds similar images and searches a gallery by text, on Discord, Telegram or a local console.",
        subcommands = {RunCommand.class, ConsoleCommand.class, ModelsCommand.class, IndexCli.class, TagCli.class, GalleryCommand.class,
                HeapCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        return BotLauncher.run(config.load(), false);
    }

    public static void main(String[] args) {
        TerminalEncoding.useUtf8WhereAsciiWouldLoseText();
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns the exit code. Every mistake a user can make (a bad option, a bad
     * configuration, an unknown model id, a store held by a running bot) is one line on stderr, never a stack trace.
     */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true); // tag --words spaces
        cli.setParameterExceptionHandler((e, params) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandName().equals("acgbot") ? "acgbot: " + e.getMessage()
                    : "acgbot " + failed.getCommandName() + ": " + e.getMessage()
                    + " (see: acgbot " + failed.getCommandSpec().qualifiedName(" ").replaceFirst("^acgbot ", "") + " --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String line = UserErrors.oneLine(e);
            if (line == null) {
                throw e;
            }
            commandLine.getErr().println(line);
            return UserErrors.exitCode(e);
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
