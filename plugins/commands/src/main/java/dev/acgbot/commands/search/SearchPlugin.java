package dev.acgbot.commands.search;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.plugin.PluginContext;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.commands.VisionServices;
import dev.acgbot.commands.internal.Captions;
import dev.acgbot.commands.internal.GalleryImages;
import dev.acgbot.commands.internal.VisionCaches;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.SearchFilter;
import dev.acgbot.gallery.SearchHit;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.TextEmbedding;

import java.util.ArrayList;
import java.util.List;

/** /search: gallery images that match a Chinese, English or mixed text query. */
public final class SearchPlugin implements Plugin {
    static final int MAX_QUERY_CHARS = 500;

    private VisionServices vision;
    private int defaultK;
    private int maxK;

    @Override
    public String id() {
        return "search";
    }

    @Override
    public String description() {
        return "/search: find gallery art from a text query";
    }

    @Override
    public void start(PluginContext context) {
        maxK = context.config().integer("max_k", 20);
        defaultK = context.config().integer("default_k", 6);
        if (maxK < 1 || maxK > 50) {
            throw new ConfigException("plugins.search.max_k", "must be between 1 and 50");
        }
        if (defaultK < 1 || defaultK > maxK) {
            throw new ConfigException("plugins.search.default_k", "must be between 1 and max_k (" + maxK + ")");
        }
        vision = VisionServices.shared(context);
    }

    @Override
    public List<BotCommand> commands() {
        return List.of(BotCommand.of(CommandSpec.builder("search", "Find gallery art from a text query")
                .text("query", "what to look for, in Chinese or English", true)
                .number("k", "how many images (1-" + maxK + ")", 1, maxK)
                .example("/search 樱花")
                .example("/search girl with a red umbrella k:8")
                .build(), this::handle));
    }

    private void handle(CommandContext ctx) {
        String query = ctx.request().arguments().string("query").orElseThrow().strip();
        int k = (int) ctx.request().arguments().number("k").orElse(defaultK);
        List<String> notices = new ArrayList<>();
        if (query.length() > MAX_QUERY_CHARS) {
            query = query.substring(0, MAX_QUERY_CHARS);
            notices.add("Your query was long, so I used its first " + MAX_QUERY_CHARS + " characters.");
        }
        vision.requireModel(vision.settings().clipTextModel(), ModelTask.CLIP_TEXT, "text search");
        Gallery gallery = vision.gallery();
        if (gallery.stats().images() == 0) {
            throw new UserFacingException("The gallery is empty. An admin can list image folders under gallery.folders in the configuration and run /reindex.");
        }
        String imageModel = vision.settings().clipImageModel();
        if (gallery.stats().embeddings().getOrDefault(imageModel, 0) == 0) {
            throw new UserFacingException("The gallery has no CLIP embeddings yet. An admin can install " + imageModel
                    + " (./acgbot models fetch " + imageModel + ") and run /reindex.");
        }
        TextEmbedding text = vision.embedText(query);
        if (text.truncated()) {
            notices.add("Your query was longer than the model reads, so only its beginning was used.");
        }
        String finalQuery = query;
        List<SearchHit> hits = vision.caches().search(
                new VisionCaches.SearchKey(VisionCaches.normalise(finalQuery) + "|" + imageModel, k, gallery.generation()),
                key -> gallery.searchByVector(imageModel, text.vector(), k, SearchFilter.none()));
        RichText.Builder header = RichText.builder().bold("🔎 " + finalQuery).plain(" — " + hits.size() + " result(s)");
        for (String notice : notices) {
            header.newline().plain(notice);
        }
        if (hits.isEmpty()) {
            ctx.reply(Reply.text(header.newline().plain("Nothing matched.").build()));
            return;
        }
        List<Reply.Image> items = new ArrayList<>();
        int rank = 1;
        for (SearchHit hit : hits) {
            items.add(new Reply.Image(GalleryImages.ref(hit.entry(), vision.settings().galleryFolders()),
                    RichText.plain("#" + rank++ + " · " + Captions.score(hit.score()) + " · " + Captions.origin(hit.entry()))));
        }
        ctx.reply(new Reply.Album(header.build(), items));
    }
}
