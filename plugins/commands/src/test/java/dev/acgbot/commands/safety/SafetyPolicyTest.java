package dev.acgbot.commands.safety;

import dev.acgbot.commands.settings.SafetyMode;
import dev.acgbot.api.command.ChatTraits;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.commands.settings.SafetySettings;
import dev.acgbot.gallery.rating.ContentRating;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetyPolicyTest {
    @TempDir
    Path dir;

    private static CommandRequest request(String platform, String chat, ChatTraits traits) {
        return new CommandRequest(platform, chat, new ChatUser("1", "u"), "search", null, List.of(), Optional.empty(),
                false, Instant.EPOCH, traits);
    }

    private static SafetyPolicy.Rated rated(String name, ContentRating rating) {
        return new SafetyPolicy.Rated(new Reply.Image(ImageRef.of(new byte[]{1}, name), RichText.plain(name)), rating);
    }

    private static final List<SafetyPolicy.Rated> MIXED = List.of(rated("a.png", ContentRating.SAFE),
            rated("b.png", ContentRating.EXPLICIT), rated("c.png", ContentRating.SENSITIVE),
            rated("d.png", ContentRating.QUESTIONABLE), rated("e.png", ContentRating.UNRATED));

    private SafetyPolicy policy() {
        return new SafetyPolicy(SafetySettings.DEFAULTS, ChatModes.load(dir.resolve("modes.properties")));
    }

    /** Shown file names, a trailing * for those behind a spoiler. */
    private static List<String> shown(SafetyPolicy.Screened s) {
        return s.shown().stream().map(i -> i.image().fileName() + (i.image().spoiler() ? "*" : "")).toList();
    }

    @Test
    void defaultsFollowTheKindOfChat() {
        SafetyPolicy p = policy();
        ChatTraits nsfwChannel = new ChatTraits(false, true);
        assertEquals(new SafetyPolicy.Decision(SafetyMode.SFW, SafetyPolicy.Source.GROUP_DEFAULT),
                p.decide(request("discord", "c1", ChatTraits.GROUP)));
        assertEquals(new SafetyPolicy.Decision(SafetyMode.ALLOW, SafetyPolicy.Source.AGE_RESTRICTED_CHAT),
                p.decide(request("discord", "c2", nsfwChannel)));
        assertEquals(new SafetyPolicy.Decision(SafetyMode.SPOILER, SafetyPolicy.Source.GROUP_DEFAULT),
                p.decide(request("telegram", "-100", ChatTraits.GROUP)));
        assertEquals(new SafetyPolicy.Decision(SafetyMode.ALLOW, SafetyPolicy.Source.PRIVATE_CHAT),
                p.decide(request("telegram", "42", new ChatTraits(true, false))));
        assertEquals(SafetyMode.ALLOW, p.decide(request("console", "console", new ChatTraits(true, false))).mode());
        assertEquals(SafetyMode.SFW, p.decide(request("matrix", "room", ChatTraits.GROUP)).mode(), "an unknown platform's groups are sfw");
    }

    @Test
    void sfwHidesQuestionableAndExplicitAndCountsThemWithoutNamingThem() {
        SafetyPolicy.Screened s = policy().screen(request("discord", "c1", ChatTraits.GROUP), MIXED);
        assertEquals(List.of("a.png", "c.png", "e.png"), shown(s));
        assertEquals(2, s.hidden());
        assertEquals(Optional.of("2 results hidden in this channel"), s.notice());
        assertEquals(Optional.of("1 result hidden in this channel"), new SafetyPolicy.Screened(List.of(), 1).notice());
    }

    @Test
    void spoilerBlursOnlyAdultImagesAndAllowShowsAll() {
        SafetyPolicy p = policy();
        SafetyPolicy.Screened spoiler = p.screen(request("telegram", "-100", ChatTraits.GROUP), MIXED);
        assertEquals(List.of("a.png", "b.png*", "c.png", "d.png*", "e.png"), shown(spoiler));
        assertEquals(Optional.empty(), spoiler.notice());
        SafetyPolicy.Screened allow = p.screen(request("telegram", "42", new ChatTraits(true, false)), MIXED);
        assertEquals(List.of("a.png", "b.png", "c.png", "d.png", "e.png"), shown(allow));
    }

    @Test
    void unratedImagesCountAsConfigured() {
        SafetySettings careful = new SafetySettings(0.5, 0.35, 0.35, ContentRating.QUESTIONABLE, SafetySettings.DEFAULTS.groupDefaults());
        SafetyPolicy p = new SafetyPolicy(careful, ChatModes.load(dir.resolve("modes.properties")));
        assertEquals(List.of("a.png", "c.png"), shown(p.screen(request("discord", "c1", ChatTraits.GROUP), MIXED)));
    }

    @Test
    void anAdminsChoiceWinsAndSurvivesARestart() throws Exception {
        Path file = dir.resolve("modes.properties");
        ChatModes modes = ChatModes.load(file);
        modes.set("discord", "nsfw-channel", SafetyMode.SFW);
        modes.set("telegram", "-100", SafetyMode.ALLOW);
        SafetyPolicy reloaded = new SafetyPolicy(SafetySettings.DEFAULTS, ChatModes.load(file));
        assertEquals(new SafetyPolicy.Decision(SafetyMode.SFW, SafetyPolicy.Source.CHOSEN_BY_ADMIN),
                reloaded.decide(request("discord", "nsfw-channel", new ChatTraits(false, true))));
        assertEquals(SafetyMode.ALLOW, reloaded.decide(request("telegram", "-100", ChatTraits.GROUP)).mode());
        assertEquals(SafetyMode.SPOILER, reloaded.decide(request("telegram", "-200", ChatTraits.GROUP)).mode(), "other chats keep the default");
        assertFalse(Files.exists(dir.resolve("modes.properties.tmp")));
        assertTrue(Files.readString(file).contains("discord\\:nsfw-channel=sfw"), Files.readString(file));
    }

    @Test
    void anUnknownModeInTheFileFallsBackToTheDefault() throws Exception {
        Path file = dir.resolve("modes.properties");
        Files.writeString(file, "telegram\\:-100=nsfw\ntelegram\\:-200=allow\n");
        SafetyPolicy p = new SafetyPolicy(SafetySettings.DEFAULTS, ChatModes.load(file));
        assertEquals(SafetyMode.SPOILER, p.decide(request("telegram", "-100", ChatTraits.GROUP)).mode());
        assertEquals(SafetyMode.ALLOW, p.decide(request("telegram", "-200", ChatTraits.GROUP)).mode());
    }
}
