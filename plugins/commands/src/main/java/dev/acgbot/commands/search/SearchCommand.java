package dev.acgbot.commands.search;

import dev.acgbot.api.UserFacingException;
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
        return BotCommand.of(CommandSpec.builder("search", "Find gallery art from a text query")
                .text("query", "what to look for, in Chinese or English", true)
                .number("k", "how many images (1-" + settings.maxK() + ")", 1, settings.maxK())
                .example("/search 樱花")
                .example("/search girl with a red umbrella k:8")
                .build(), this::handle);
    }

    private void handle(CommandContext ctx) {
        String query = ctx.request().arguments().string("query").orElseThrow().strip();
        int k = (int) ctx.request().arguments().number("k").orElse(settings.defaultK());
        List<String> notices = new ArrayList<>();
        if (query.length() > MAX_QUERY_CHARS) {
            query = query.substring(0, MAX_QUERY_CHARS);
            notices.add("Your query was long, so I used its first " + MAX_QUERY_CHARS + " characters.");
        }
        availability.require(inference.models().clipText(), ModelTask.CLIP_TEXT, "text search");
        Gallery g = gallery.get();
        if (g.stats().images() == 0) {
            throw new UserFacingException("The gallery is empty. An admin can list image folders under gallery.folders in the configuration and run /reindex.");
        }
        String imageModel = inference.models().clipImage();
        if (g.stats().embeddings().getOrDefault(imageModel, 0) == 0) {
            throw new UserFacingException("The gallery has no CLIP embeddings yet. An admin can install " + imageModel
                    + " (./acgbot models fetch " + imageModel + ") and run /reindex.");
        }
        TextEmbedding text = inference.embedText(query);
        if (text.truncated()) {
            notices.add("Your query was longer than the model reads, so only its beginning was used.");
        }
        String finalQuery = query;
        List<SearchHit> hits = inference.caches().search(
                new VisionCaches.SearchKey(VisionCaches.normalise(finalQuery) + "|" + imageModel, k, g.generation()),
                key -> g.searchByVector(imageModel, text.vector(), k, SearchFilter.none()));
        List<SafetyPolicy.Rated> items = new ArrayList<>();
        int rank = 1;
        for (SearchHit hit : hits) {
            items.add(new SafetyPolicy.Rated(new Reply.Image(GalleryImages.ref(hit.entry(), gallery.settings().folders()),
                    RichText.plain("#" + rank++ + " · " + Captions.score(hit.score()) + " · " + Captions.origin(hit.entry()))),
                    hit.entry().rating()));
        }
        SafetyPolicy.Screened screened = safety.screen(ctx.request(), items);
        RichText.Builder header = RichText.builder().bold("🔎 " + finalQuery).plain(" — " + hits.size() + " result(s)");
        screened.notice().ifPresent(n -> header.plain(", " + n));
        for (String notice : notices) {
            header.newline().plain(notice);
        }
        if (hits.isEmpty()) {
            ctx.reply(Reply.text(header.newline().plain("Nothing matched.").build()));
            return;
        }
        if (screened.shown().isEmpty()) {
            ctx.reply(Reply.text(header.build()));
            return;
        }
        ctx.reply(new Reply.Album(header.build(), screened.shown()));
    }
}
