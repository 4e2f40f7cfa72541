package dev.acgbot.commands.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.inline.InlineAnswer;
import dev.acgbot.api.inline.InlineHandler;
import dev.acgbot.api.inline.InlineQuery;
import dev.acgbot.api.inline.InlineResult;
import dev.acgbot.commands.CachedInference;
import dev.acgbot.commands.ModelAvailability;
import dev.acgbot.commands.VisionGallery;
import dev.acgbot.commands.VisionMessages;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inline mode ({@code @bot 樱花} in any chat): the CLIP text search of /search, its hits below the similarity floor
 * dropped, paged, and screened for the chat kind: where the chat's default mode is not {@code allow},
 * questionable and explicit images are left out, since an inline photo cannot carry a spoiler (issue 16).
 */
public final class InlineSearch implements InlineHandler {
    /** Telegram takes at most 50 results per answer; a page of 20 fills the grid twice on a phone. */
    static final int PAGE = 20;
    /** The most hits one query pages through. */
    static final int MAX_RESULTS = 60;
    /** Typing sends a query per pause; a minute keeps the pages of one search together without going stale. */
    static final Duration CACHE_FOR = Duration.ofMinutes(1);
    /** How long the platform may reuse an answer that holds no adult image (one with such images: never). */
    static final Duration PLATFORM_CACHE = Duration.ofSeconds(30);

    private final VisionSettings.Search settings;
    private final CachedInference inference;
    private final ModelAvailability availability;
    private final VisionGallery gallery;
    private final SafetyPolicy safety;
    private final Cache<Key, List<SearchHit>> hits = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(CACHE_FOR).build();

    /** One search: the normalised text over one gallery generation. */
    private record Key(String query, long generation) {
    }

    public InlineSearch(VisionSettings.Search settings, CachedInference inference, ModelAvailability availability,
                        VisionGallery gallery, SafetyPolicy safety) {
        this.settings = settings;
        this.inference = inference;
        this.availability = availability;
        this.gallery = gallery;
        this.safety = safety;
    }

    @Override
    public InlineAnswer answer(InlineQuery query, Language language) {
        String text = query.text().strip();
        if (text.isEmpty()) {
            return InlineAnswer.empty(Optional.of(VisionMessages.format(language, "inline.prompt")));
        }
        if (text.length() > SearchCommand.MAX_QUERY_CHARS) {
            text = text.substring(0, SearchCommand.MAX_QUERY_CHARS);
        }
        List<SearchHit> found = search(text);
        if (found.isEmpty()) {
            return InlineAnswer.empty(Optional.of(VisionMessages.format(language, "inline.nothing", text)));
        }
        boolean adultShown = safety.inlineShowsAdult(query.platform(), query.chatType().traits());
        List<SearchHit> shown = adultShown ? found
                : found.stream().filter(h -> !safety.effective(h.entry().rating()).adult()).toList();
        int hidden = found.size() - shown.size();
        int from = offset(query.offset(), shown.size());
        int to = Math.min(shown.size(), from + PAGE);
        List<InlineResult> page = new ArrayList<>();
        for (int i = from; i < to; i++) {
            page.add(result(shown.get(i), i + 1, text, language));
        }
        boolean anyAdult = shown.subList(from, to).stream().anyMatch(h -> safety.effective(h.entry().rating()).adult());
        Optional<String> notice = hidden == 0 || from > 0 ? Optional.empty()
                : Optional.of(VisionMessages.format(language, "inline.hidden", hidden));
        return new InlineAnswer(page, to < shown.size() ? String.valueOf(to) : "", notice,
                anyAdult ? Duration.ZERO : PLATFORM_CACHE);
    }

    /** Hits at or above the similarity floor, best first; the search and the cache are those of /search. */
    private List<SearchHit> search(String text) {
        availability.require(inference.models().clipText(), ModelTask.CLIP_TEXT, "purpose.text_search");
        Gallery g = gallery.get();
        String imageModel = inference.models().clipImage();
        if (g.stats().images() == 0 || g.stats().embeddings().getOrDefault(imageModel, 0) == 0) {
            return List.of();
        }
        String normalised = VisionCaches.normalise(text);
        return hits.get(new Key(normalised, g.generation()), key -> {
            TextEmbedding embedding = inference.embedText(text);
            List<SearchHit> all = inference.caches().search(
                    new VisionCaches.SearchKey(normalised + "|" + imageModel, MAX_RESULTS, g.generation()),
                    k -> g.searchByVector(imageModel, embedding.vector(), MAX_RESULTS, SearchFilter.none()));
            return SearchAnswer.of(all, settings.minSimilarity()).shown();
        });
    }

    private InlineResult result(SearchHit hit, int rank, String text, Language language) {
        return new InlineResult(hit.entry().sha256(), GalleryImages.ref(hit.entry(), gallery.settings().folders()),
                "#" + rank + " · " + Captions.score(hit.score()),
                VisionMessages.format(language, "inline.caption", text, Captions.score(hit.score())));
    }

    /** The page start the platform sent back; anything else (a stale or forged offset) starts at the top. */
    static int offset(String offset, int size) {
        try {
            int at = Integer.parseInt(offset);
            return at >= 0 && at < size ? at : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
