package dev.acgbot.commands.search;

import dev.acgbot.commands.VisionMessages;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.commands.CachedInference;
import dev.acgbot.commands.ModelAvailability;
import dev.acgbot.commands.VisionGallery;
import dev.acgbot.commands.internal.Captions;
import dev.acgbot.commands.internal.GalleryImages;
import dev.acgbot.commands.internal.VisionCaches;
import dev.acgbot.commands.safety.SafetyPolicy;
import dev.acgbot.commands.settings.VisionSettings;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.SearchFilter;
import dev.acgbot.gallery.SearchHit;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.TextEmbedding;

import java.util.ArrayList;
import java.util.List;

/** /search: gallery images that match a Chinese, English or mixed text query. */
public final class SearchCommand {
    static final int MAX_QUERY_CHARS = 500;

    private final VisionSettings.Search settings;
    private final CachedInference inference;
    private final ModelAvailability availability;
    private final VisionGallery gallery;
    private final SafetyPolicy safety;

    public SearchCommand(VisionSettings.Search settings, CachedInference inference, ModelAvailability availability,
                         VisionGallery gallery, SafetyPolicy safety) {
        this.safety = safety;
        this.settings = settings;
        this.inference = inference;
        this.availability = availability;
        this.gallery = gallery;
    }

    public BotCommand command() {
        return BotCommand.of(CommandSpec.builder("search", "")
                .text("query", "", true)
                .number("k", "", 1, settings.maxK()).defaultValue(settings.defaultK())
                .localize(VisionMessages.BUNDLE)
                .example("/search 樱花")
                .example("/search girl with a red umbrella k:8")
                .build(), this::handle);
    }

    private void handle(CommandContext ctx) {
        Language language = ctx.language();
        String query = ctx.request().arguments().string("query").orElseThrow().strip();
        int k = (int) ctx.request().arguments().number("k").orElse(settings.defaultK());
        List<String> notices = new ArrayList<>();
        if (query.length() > MAX_QUERY_CHARS) {
            query = query.substring(0, MAX_QUERY_CHARS);
            notices.add(VisionMessages.format(language, "search.long_query", MAX_QUERY_CHARS));
        }
        availability.require(inference.models().clipText(), ModelTask.CLIP_TEXT, "purpose.text_search");
        Gallery g = gallery.get();
        if (g.stats().images() == 0) {
            throw VisionMessages.refusal("gallery.empty");
        }
        String imageModel = inference.models().clipImage();
        if (g.stats().embeddings().getOrDefault(imageModel, 0) == 0) {
            throw VisionMessages.refusal("gallery.no_embeddings", imageModel);
        }
        TextEmbedding text = inference.embedText(query);
        if (text.truncated()) {
            notices.add(VisionMessages.format(language, "search.truncated"));
        }
        String finalQuery = query;
        List<SearchHit> hits = inference.caches().search(
                new VisionCaches.SearchKey(VisionCaches.normalise(finalQuery) + "|" + imageModel, k, g.generation()),
                key -> g.searchByVector(imageModel, text.vector(), k, SearchFilter.none()));
        SearchAnswer answer = SearchAnswer.of(hits, settings.minSimilarity());
        List<SafetyPolicy.Rated> items = new ArrayList<>();
        int rank = 1;
        for (SearchHit hit : answer.shown()) {
            items.add(new SafetyPolicy.Rated(new Reply.Image(GalleryImages.ref(hit.entry(), gallery.settings().folders()),
                    RichText.plain("#" + rank++ + " · " + Captions.score(hit.score()) + " · " + Captions.origin(hit.entry()))),
                    hit.entry().rating()));
        }
        SafetyPolicy.Screened screened = safety.screen(ctx.request(), items);
        RichText.Builder header = RichText.builder().bold("🔎 " + finalQuery)
                .plain(VisionMessages.format(language, "search.results", answer.shown().size()));
        screened.notice(language).ifPresent(n -> header.plain(", " + n));
        for (String notice : notices) {
            header.newline().plain(notice);
        }
        if (hits.isEmpty()) {
            ctx.reply(Reply.text(header.newline().plain(VisionMessages.format(language, "search.nothing")).build()));
            return;
        }
        if (answer.shown().isEmpty()) {
            ctx.reply(Reply.text(header.newline().plain(VisionMessages.format(language, "search.no_good_match", finalQuery,
                    Captions.score(answer.best()), Captions.score((float) settings.minSimilarity()))).build()));
            return;
        }
        if (answer.hidden() > 0) {
            header.newline().plain(VisionMessages.format(language, "search.hidden", answer.hidden(),
                    Captions.score((float) settings.minSimilarity())));
        }
        if (screened.shown().isEmpty()) {
            ctx.reply(Reply.text(header.build()));
            return;
        }
        ctx.reply(new Reply.Album(header.build(), screened.shown()));
    }
}
