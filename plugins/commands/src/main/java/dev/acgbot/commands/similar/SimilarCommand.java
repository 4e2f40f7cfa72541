package dev.acgbot.commands.similar;

import dev.acgbot.commands.VisionMessages;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.commands.internal.GalleryImages;
import dev.acgbot.commands.safety.SafetyPolicy;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.commands.CachedInference;
import dev.acgbot.commands.ImageIntake;
import dev.acgbot.commands.ModelAvailability;
import dev.acgbot.commands.PostedImage;
import dev.acgbot.commands.VisionGallery;
import dev.acgbot.commands.internal.Captions;
import dev.acgbot.commands.settings.VisionSettings;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.SearchFilter;
import dev.acgbot.gallery.SearchHit;
import dev.acgbot.models.api.TagCategory;
import dev.acgbot.models.api.TagScore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * /similar: where a posted picture came from. In tiers: the picture's own gallery entry when the very file is there,
 * then its copies ("same picture", "edited copy (cropped, …)" as the duplicate verifier tells), counted in full and
 * shown up to k, then "similar art" by CLIP; one friendly line when there is none of these.
 */
public final class SimilarCommand {
    /** Only confident tags explain a hit (the usual general-tag threshold of the WD taggers). */
    static final float SHARED_TAG_SCORE = 0.35f;

    private final VisionSettings.Similar settings;
    private final ImageIntake intake;
    private final CachedInference inference;
    private final ModelAvailability availability;
    private final VisionGallery gallery;

    private final SafetyPolicy safety;

    public SimilarCommand(VisionSettings.Similar settings, ImageIntake intake, CachedInference inference,
                          ModelAvailability availability, VisionGallery gallery, SafetyPolicy safety) {
        this.settings = settings;
        this.safety = safety;
        this.intake = intake;
        this.inference = inference;
        this.availability = availability;
        this.gallery = gallery;
    }

    public BotCommand command() {
        return BotCommand.of(CommandSpec.builder("similar", "")
                .attachment("image", "", true)
                .number("k", "", 1, settings.maxK()).defaultValue(settings.defaultK())
                .localize(VisionMessages.BUNDLE)
                .usesRepliedImages()
                .contextMenu("Find similar")
                .example("/similar")
                .example("/similar k:8")
                .build(), this::handle);
    }

    private void handle(CommandContext ctx) throws Exception {
        Language language = ctx.language();
        Attachment attachment = ctx.request().images().get(0);
        int k = (int) ctx.request().arguments().number("k").orElse(settings.defaultK());
        PostedImage image = intake.read(attachment);
        Gallery g = gallery.get();
        if (g.stats().images() == 0) {
            throw VisionMessages.refusal("gallery.empty");
        }

        Optional<GalleryEntry> itself = g.entry(image.sha256());
        // every copy is counted; only k are shown ("12 copies, showing 5")
        List<DuplicateHit> copies = g.findDuplicates(image.pixels(), settings.duplicateDistance()).stream()
                .filter(d -> !d.entry().sha256().equals(image.sha256()))
                .toList();
        List<DuplicateHit> shown = copies.subList(0, Math.min(k, copies.size()));
        SearchFilter filter = SearchFilter.excluding(image.sha256());
        for (DuplicateHit d : copies) {
            filter = filter.exclude(d.entry().sha256());
        }
        List<SearchHit> similar = List.of();
        // CLIP when installed, else the image-embedding model (models.image_embedding), as the gallery indexed
        Optional<String> vectorModel = inference.models().similarModel(availability::isAvailable);
        String semanticNote = "";
        if (vectorModel.isPresent()) {
            similar = g.searchByVector(vectorModel.get(), inference.embedImage(image, vectorModel.get()), k, filter);
        } else {
            semanticNote = VisionMessages.format(language, "similar.needs_clip", inference.models().clipImage());
        }
        if (itself.isEmpty() && copies.isEmpty() && similar.isEmpty()) {
            String line = VisionMessages.format(language, "similar.nothing", image.fileName());
            ctx.reply(Reply.text(semanticNote.isEmpty() ? RichText.plain(line) : RichText.builder().plain(line).newline().plain(semanticNote).build()));
            return;
        }

        Set<String> queryTags = queryTags(image);
        List<SafetyPolicy.Rated> items = new ArrayList<>();
        itself.ifPresent(e -> items.add(new SafetyPolicy.Rated(new Reply.Image(GalleryImages.ref(e, gallery.settings().folders()),
                RichText.builder().bold(VisionMessages.format(language, "similar.itself")).plain(" · " + e.path()
                        + e.sourceUrl().map(url -> " · " + url).orElse("")).build()), e.rating())));
        for (DuplicateHit d : shown) {
            items.add(new SafetyPolicy.Rated(new Reply.Image(GalleryImages.ref(d.entry(), gallery.settings().folders()),
                    DuplicateCaption.of(language, d, settings.duplicateDistance())), d.entry().rating()));
        }
        for (SearchHit hit : similar) {
            RichText.Builder caption = RichText.builder().bold(VisionMessages.format(language, "similar.art"))
                    .plain(" · " + Captions.origin(hit.entry()) + VisionMessages.format(language, "similar.score", Captions.score(hit.score())));
            List<String> shared = Captions.sharedTags(queryTags, hit.entry().tags(), SHARED_TAG_SCORE, 5);
            if (!shared.isEmpty()) {
                caption.plain(VisionMessages.format(language, "similar.shared_tags", String.join(", ", shared)));
            }
            items.add(new SafetyPolicy.Rated(new Reply.Image(GalleryImages.ref(hit.entry(), gallery.settings().folders()),
                    caption.build()), hit.entry().rating()));
        }
        SafetyPolicy.Screened screened = safety.screen(ctx.request(), items);

        RichText.Builder header = RichText.builder().bold("🖼 " + image.fileName());
        if (itself.isPresent()) {
            header.plain(VisionMessages.format(language, "similar.already_in_gallery"));
        }
        header.newline().plain(VisionMessages.format(language, "similar.counts", countLine(language, copies.size(), shown.size()), similar.size()));
        screened.notice(language).ifPresent(n -> header.plain(", " + n));
        if (!semanticNote.isEmpty()) {
            header.newline().plain(semanticNote);
        }
        if (screened.shown().isEmpty()) {
            ctx.reply(Reply.text(header.build()));
        } else {
            ctx.reply(new Reply.Album(header.build(), screened.shown()));
        }
    }

    /** "no other copies", "1 copy", "12 copies, showing 5". */
    static String countLine(Language language, int copies, int shown) {
        return shown < copies ? VisionMessages.format(language, "similar.copies_shown", copies, shown)
                : VisionMessages.format(language, "similar.copies", copies);
    }

    /** The query's general and character tags when a tagger is installed, to explain hits; nothing otherwise. */
    private Set<String> queryTags(PostedImage image) {
        if (!availability.isAvailable(inference.models().tagger())) {
            return Set.of();
        }
        return inference.tag(image).scores().stream()
                .filter(s -> s.score() >= SHARED_TAG_SCORE)
                .filter(s -> s.category() == TagCategory.GENERAL || s.category() == TagCategory.CHARACTER)
                .map(TagScore::name)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
