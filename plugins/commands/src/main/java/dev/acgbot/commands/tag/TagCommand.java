package dev.acgbot.commands.tag;

import dev.acgbot.commands.VisionMessages;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.commands.CachedInference;
import dev.acgbot.commands.ImageIntake;
import dev.acgbot.commands.ModelAvailability;
import dev.acgbot.commands.PostedImage;
import dev.acgbot.commands.settings.VisionSettings;
import dev.acgbot.commands.settings.SafetySettings;
import dev.acgbot.gallery.rating.ContentRating;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** /tag: Danbooru-style tags and a prompt line, or zero-shot ranking of keywords with CLIP. */
public final class TagCommand {
    static final int MAX_KEYWORDS = 50;

    private final VisionSettings.Tag settings;
    private final ImageIntake intake;
    private final CachedInference inference;
    private final ModelAvailability availability;
    private final SafetySettings safety;
    private final TagPreferenceCommands preferences;

    public TagCommand(VisionSettings.Tag settings, ImageIntake intake, CachedInference inference, ModelAvailability availability,
                      SafetySettings safety, TagPreferenceCommands preferences) {
        this.settings = settings;
        this.preferences = preferences;
        this.safety = safety;
        this.intake = intake;
        this.inference = inference;
        this.availability = availability;
    }

    public BotCommand command() {
        return BotCommand.of(CommandSpec.builder("tag", "")
                .attachment("image", "", true)
                .choice("mode", "", false, "tags", "keywords").defaultValue("tags")
                .text("keywords", "", false)
                .number("threshold", "", 0, 1).defaultValue(settings.generalThreshold())
                .number("character_threshold", "", 0, 1).defaultValue(settings.characterThreshold())
                .localize(VisionMessages.BUNDLE)
                .usesRepliedImages()
                .contextMenu("Tag image")
                .example("/tag threshold:0.5")
                .example("/tag keywords 猫, 樱花, sword")
                .build(), this::handle);
    }

    private void handle(CommandContext ctx) throws Exception {
        CommandRequest request = ctx.request();
        List<Attachment> images = request.images();
        int maxImages = settings.maxImages();
        if (images.size() > maxImages) {
            ctx.reply(VisionMessages.format(ctx.language(), "tag.first_images", maxImages));
            images = images.subList(0, maxImages);
        }
        boolean keywordsMode = request.arguments().string("mode").map("keywords"::equals).orElse(false)
                || request.arguments().has("keywords");
        for (Attachment attachment : images) {
            PostedImage image = intake.read(attachment);
            ctx.reply(Reply.text(keywordsMode ? keywords(request, image) : tags(request, image)));
        }
    }

    private RichText tags(CommandRequest request, PostedImage image) {
        Language language = request.language();
        availability.require(inference.models().tagger(), ModelTask.TAGGER, "purpose.tagging");
        double general = request.arguments().number("threshold").orElse(settings.generalThreshold());
        double character = request.arguments().number("character_threshold").orElse(settings.characterThreshold());
        // the tag result is cached by the image's content hash, so a posted image is rated once
        TagResult result = inference.tag(image);
        // the chat's /tagblacklist and /tagstyle (else the configured ones) shape the lists and the prompt line
        TagReport report = TagReport.of(result, general, character, preferences.blacklist(request));
        RichText.Builder text = RichText.builder().bold("🏷 " + image.fileName()).newline();
        ratingLine(text, report, result, inference.classify(image), language);
        if (!report.characters().isEmpty()) {
            text.plain(VisionMessages.format(language, "tag.characters")).plain(list(report.shownCharacters(), language)).newline();
        }
        if (report.general().isEmpty() && report.blacklisted() == 0) {
            text.plain(VisionMessages.format(language, "tag.none_reached", score((float) general))).newline();
        } else if (!report.general().isEmpty()) {
            text.plain(VisionMessages.format(language, "tag.tags")).plain(list(report.shownGeneral(), language)).newline();
        }
        if (!report.general().isEmpty() || (!report.characters().isEmpty() && report.blacklisted() > 0)) {
            text.plain(VisionMessages.format(language, "tag.prompt")).codeBlock(report.prompt(preferences.style(request)));
        }
        if (report.blacklisted() > 0) {
            text.plain(VisionMessages.format(language, "tag.blacklisted", report.blacklisted())).newline();
        }
        return text.build();
    }

    /**
     * "Rating: questionable (general 0.88; nsfwjs-mobilenet-v2 Porn+Hentai 0.41, Sexy 0.02)": the stricter of the
     * tagger's rating labels and the rating classifier (each shown when it rated), as the gallery stores it.
     */
    private void ratingLine(RichText.Builder text, TagReport report, TagResult tags, Optional<TagResult> classified,
                            Language language) {
        ContentRating rating = safety.rule().rate(tags.scores());
        List<String> sources = new ArrayList<>();
        report.rating().ifPresent(r -> sources.add(r.name() + " " + score(r.score()).replaceAll("[()]", "")));
        if (classified.isPresent()) {
            TagResult c = classified.get();
            rating = rating.stricter(safety.classifier().rule(c.modelId()).rate(c.scores()));
            sources.add(VisionMessages.format(language, "tag.rating_classifier", c.modelId(),
                    fixed(classScore(c, "porn") + classScore(c, "hentai")), fixed(classScore(c, "sexy"))));
        }
        if (rating == ContentRating.UNRATED) {
            return;
        }
        text.plain(VisionMessages.format(language, "tag.rating")).bold(rating.word())
                .plain(" (" + String.join("; ", sources) + ")").newline();
    }

    private static float classScore(TagResult result, String name) {
        return (float) result.scores().stream().filter(s -> s.name().equalsIgnoreCase(name)).mapToDouble(TagScore::score)
                .findFirst().orElse(0);
    }

    private static String fixed(float v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private RichText keywords(CommandRequest request, PostedImage image) {
        List<String> keywords = request.arguments().string("keywords").map(TagCommand::splitKeywords).orElse(settings.keywords());
        if (keywords.isEmpty()) {
            throw VisionMessages.refusal("tag.no_keywords");
        }
        if (keywords.size() > MAX_KEYWORDS) {
            throw VisionMessages.refusal("tag.too_many_keywords", MAX_KEYWORDS);
        }
        availability.require(inference.models().clipImage(), ModelTask.CLIP_IMAGE, "purpose.keywords");
        availability.require(inference.models().clipText(), ModelTask.CLIP_TEXT, "purpose.keywords");
        Language language = request.language();
        List<KeywordRanker.Ranked> ranked = KeywordRanker.rank(inference.embedImage(image), keywords,
                k -> inference.embedText(k).vector());
        RichText.Builder text = RichText.builder().bold("🔎 " + image.fileName() + VisionMessages.format(language, "tag.keywords_title")).newline();
        for (KeywordRanker.Ranked r : ranked) {
            text.plain(VisionMessages.format(language, "tag.keyword_line", r.keyword(),
                    String.format(Locale.ROOT, "%.0f", r.probability() * 100), String.format(Locale.ROOT, "%.3f", r.similarity()))).newline();
        }
        return text.build();
    }

    static List<String> splitKeywords(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("[,，、;；\\n]+")) {
            String keyword = part.strip();
            if (!keyword.isEmpty() && !out.contains(keyword)) {
                out.add(keyword);
            }
        }
        if (out.size() == 1 && out.get(0).contains(" ")) {
            return Arrays.stream(out.get(0).split("\\s+")).distinct().toList();
        }
        return out;
    }

    private static String list(TagReport.Shown scores, Language language) {
        List<String> parts = new ArrayList<>();
        for (TagScore s : scores.shown()) {
            parts.add(s.name() + " " + score(s.score()));
        }
        return String.join(", ", parts) + (scores.more() > 0 ? VisionMessages.format(language, "tag.more", scores.more()) : "");
    }

    private static String score(float score) {
        return String.format(Locale.ROOT, "(%.2f)", score);
    }
}
