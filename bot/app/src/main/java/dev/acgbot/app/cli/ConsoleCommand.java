package dev.acgbot.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "console", description = {
        "Chat with the bot in this terminal as its admin.",
        "A path stands in for an image: /tag ./art.png. When stdin is not a terminal, lines run as a script."})
public final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("acgbot.log.console.level") == null) {
            // keep the chat readable: only warnings and errors reach the terminal, the rest goes to the log file
            System.setProperty("acgbot.log.console.level", "WARN");
        }
        return BotLauncher.run(config.load(), true);
    }
}
