package dev.acgbot.commands.tag;

import dev.acgbot.api.UserFacingException;
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
import dev.acgbot.gallery.rating.RatingRule;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** /tag: Danbooru-style tags and a prompt line, or zero-shot ranking of keywords with CLIP. */
public final class TagCommand {
    private final VisionSettings.Tag settings;
    private final ImageIntake intake;
    private final CachedInference inference;
    private final ModelAvailability availability;
    private final RatingRule ratingRule;

    public TagCommand(VisionSettings.Tag settings, ImageIntake intake, CachedInference inference, ModelAvailability availability,
                      RatingRule ratingRule) {
        this.settings = settings;
        this.ratingRule = ratingRule;
        this.intake = intake;
        this.inference = inference;
        this.availability = availability;
    }

    public BotCommand command() {
        return BotCommand.of(CommandSpec.builder("tag", "Tag an image with Danbooru-style tags")
                .attachment("image", "the image to tag (or reply to one)", true)
                .choice("mode", "tags (default), or keywords to rank keywords with CLIP", false, "tags", "keywords")
                .text("keywords", "keywords to rank, comma separated (keywords mode)", false)
                .number("threshold", "minimum score of general tags", 0, 1)
                .number("character_threshold", "minimum score of character tags", 0, 1)
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
            ctx.reply("I'll tag the first " + maxImages + " images.");
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
        availability.require(inference.models().tagger(), ModelTask.TAGGER, "tagging");
        double general = request.arguments().number("threshold").orElse(settings.generalThreshold());
        double character = request.arguments().number("character_threshold").orElse(settings.characterThreshold());
        // the tag result is cached by the image's content hash, so a posted image is rated once
        TagResult result = inference.tag(image);
        TagReport report = TagReport.of(result, general, character);
        RichText.Builder text = RichText.builder().bold("🏷 " + image.fileName()).newline();
        report.rating().ifPresent(r -> text.plain("Rating: ").bold(ratingRule.rate(result.scores()).word())
                .plain(" (" + r.name() + " " + score(r.score()).replaceAll("[()]", "") + ")").newline());
        if (!report.characters().isEmpty()) {
            text.plain("Characters: ").plain(list(report.shownCharacters())).newline();
        }
        if (report.general().isEmpty()) {
            text.plain("No general tag reached " + score((float) general) + "; try a lower threshold, e.g. threshold:0.2").newline();
        } else {
            text.plain("Tags: ").plain(list(report.shownGeneral())).newline();
            text.plain("Prompt:").codeBlock(report.prompt());
        }
        return text.build();
    }

    private RichText keywords(CommandRequest request, PostedImage image) {
        List<String> keywords = request.arguments().string("keywords").map(TagCommand::splitKeywords).orElse(settings.keywords());
        if (keywords.isEmpty()) {
            throw new UserFacingException("Give me some keywords to rank, e.g. /tag keywords 猫, 樱花, sword");
        }
        if (keywords.size() > 50) {
            throw new UserFacingException("That is a lot of keywords: please give at most 50.");
        }
        availability.require(inference.models().clipImage(), ModelTask.CLIP_IMAGE, "keyword ranking");
        availability.require(inference.models().clipText(), ModelTask.CLIP_TEXT, "keyword ranking");
        List<KeywordRanker.Ranked> ranked = KeywordRanker.rank(inference.embedImage(image), keywords,
                k -> inference.embedText(k).vector());
        RichText.Builder text = RichText.builder().bold("🔎 " + image.fileName() + " — keywords").newline();
        for (KeywordRanker.Ranked r : ranked) {
            text.plain(String.format(Locale.ROOT, "%s %.0f %% (similarity %.3f)", r.keyword(), r.probability() * 100, r.similarity())).newline();
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

    private static String list(TagReport.Shown scores) {
        List<String> parts = new ArrayList<>();
        for (TagScore s : scores.shown()) {
            parts.add(s.name() + " " + score(s.score()));
        }
        return String.join(", ", parts) + (scores.more() > 0 ? " and " + scores.more() + " more" : "");
    }

    private static String score(float score) {
        return String.format(Locale.ROOT, "(%.2f)", score);
    }
}
