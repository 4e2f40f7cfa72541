package dev.acgbot.api.plugin;

/** Handles one command. Runs on a bounded worker pool; may block, but should honour interruption. */
@FunctionalInterface
public interface CommandHandler {

    /**
     * @throws dev.acgbot.api.UserFacingException for failures the user should read as they are
     * @throws Exception                          for anything else (answered generically, logged in full)
     */
    void handle(CommandContext context) throws Exception;
}
