package dev.acgbot.core.plugins;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.core.exec.CommandExecutor;
import dev.acgbot.core.i18n.ChatLanguages;
import dev.acgbot.core.limits.RateLimiter;
import dev.acgbot.core.metrics.CommandMeters;
import dev.acgbot.core.permissions.Permissions;
import dev.acgbot.core.router.CommandRegistry;
import dev.acgbot.core.router.RecordingResponder;
import dev.acgbot.core.router.Router;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /help lists what the asker may run and explains one command; replies follow the chat's, user's or default language. */
class HelpAndLanguageTest {
    static final MessageOrigin ALICE = new MessageOrigin("telegram", "group-1", new ChatUser("111", "alice"), false, false);
    static final MessageOrigin MEI = new MessageOrigin("telegram", "group-1", new ChatUser("222", "mei", "zh-hans"), false, false);
    static final MessageOrigin ROOT = new MessageOrigin("telegram", "group-1", new ChatUser("999", "root", "en-US"), false, false);

    private final CommandExecutor executor = new CommandExecutor(2, 4);

    @AfterEach
    void stop() {
        executor.close();
    }

    private Router router(Language fallback) {
        ChatLanguages languages = ChatLanguages.inMemory(fallback);
        CommandRegistry registry = new CommandRegistry();
        registry.register("core", new CorePlugin(registry, "acgbot", languages).commands());
        registry.register("vision", List.of(
                BotCommand.of(CommandSpec.builder("tag", "Tag an image")
                        .attachment("image", "the image to tag", true)
                        .number("threshold", "minimum score of general tags", 0, 1).defaultValue(0.35)
                        .choice("mode", "what to list", false, "tags", "keywords").defaultValue("tags")
                        .example("/tag threshold:0.5").example("/tag keywords 猫, 樱花").example("/tag mode:tags")
                        .usesRepliedImages().build(), ctx -> ctx.reply("tagged")),
                BotCommand.of(CommandSpec.builder("reindex", "Update the gallery index (admins)").adminOnly().build(),
                        ctx -> ctx.reply("reindexed"))));
        return new Router(registry, new Permissions(Map.of("telegram", Set.of("999"))), new RateLimiter(100, 100),
                new RateLimiter(100, 100), true, executor, Duration.ofSeconds(10), 1000,
                new CommandMeters(new SimpleMeterRegistry(), executor), languages);
    }

    private static String ask(Router router, MessageOrigin origin, String text) throws InterruptedException {
        RecordingResponder responder = new RecordingResponder();
        assertTrue(router.onText(origin, text, "AcgBot", List.of(), Optional.empty(), responder), text);
        assertTrue(responder.awaitCompleted(10), text);
        return responder.lastText();
    }

    @Test
    void helpListsOnlyWhatTheAskerMayUse() throws Exception {
        Router router = router(Language.EN);
        assertEquals("""
                Commands
                /help [command] — List the commands you can use, or explain one: /help tag
                /ping — Check that the bot is alive
                /about — Version and enabled plugins
                /tag <image> [threshold:number] [tags|keywords] — Tag an image
                Options can be named anywhere on the line, e.g. threshold:0.5. Send /help followed by a command name for details.""",
                ask(router, ALICE, "/help"));
        String admin = ask(router, ROOT, "/help");
        assertTrue(admin.contains("/lang [zh|ja|en|auto] — Set the language of my replies in this chat (admins)\n"), admin);
        assertTrue(admin.contains("/reindex — Update the gallery index (admins)\n"), admin);
        assertTrue(!admin.contains("(admins) (admins)"), admin);
    }

    @Test
    void helpForOneCommandShowsUsageOptionsWithDefaultsAndRangesAndTwoExamples() throws Exception {
        Router router = router(Language.EN);
        assertEquals("""
                /tag — Tag an image
                Usage: /tag <image> [threshold:number] [tags|keywords]
                Options
                • image — the image to tag (required; an image: attach it, or reply to a message with one)
                • threshold — minimum score of general tags (from 0 to 1; default 0.35)
                • mode — what to list (one of tags, keywords; default tags)
                Examples
                /tag threshold:0.5
                /tag keywords 猫, 樱花
                """, ask(router, ALICE, "/help /tag"));
        assertEquals("There is no command /reindex that you can use. Send /help to see the list.", ask(router, ALICE, "/help reindex"));
    }

    @Test
    void aUserWhoseAppIsInChineseGetsChineseHelp() throws Exception {
        String help = ask(router(Language.EN), MEI, "/help ping");
        assertEquals("""
                /ping — 检查机器人是否在线
                用法：/ping
                示例
                /ping
                """, help);
    }

    @Test
    void theChatsChoiceBeatsTheUsersAppAndTheDefaultFillsIn() throws Exception {
        Router router = router(Language.ZH);
        assertTrue(ask(router, ALICE, "/ping").matches("pong（\\d+ 毫秒）"), "no app language: the configured default");
        assertTrue(ask(router, ROOT, "/ping").matches("pong \\(\\d+ ms\\)"), "the user's app language beats the default");
        assertEquals("From now on I reply in English in this chat.", ask(router, ROOT, "/lang en"));
        assertTrue(ask(router, MEI, "/ping").matches("pong \\(\\d+ ms\\)"), "the chat's choice beats the user's app");
        assertEquals("ERROR: /lang is for the bot's admins only.", ask(router, MEI, "/lang zh"));
        ask(router, ROOT, "/lang auto");
        assertTrue(ask(router, MEI, "/ping").matches("pong（\\d+ 毫秒）"), "auto: each user's own language again");
    }
}
