package dev.acgbot.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "run", description = "Run the bot on the configured chat platforms (the console when none is configured).")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        return BotLauncher.run(config.load(), false);
    }
}
