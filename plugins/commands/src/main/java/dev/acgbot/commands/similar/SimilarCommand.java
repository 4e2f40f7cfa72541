package dev.acgbot.commands.similar;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.commands.internal.GalleryImages;
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

    public SimilarCommand(VisionSettings.Similar settings, ImageIntake intake, CachedInference inference,
                          ModelAvailability availability, VisionGallery gallery) {
        this.settings = settings;
        this.intake = intake;
        this.inference = inference;
        this.availability = availability;
        this.gallery = gallery;
    }

    public BotCommand command() {
        return BotCommand.of(CommandSpec.builder("similar", "Find duplicates and similar art in the gallery")
                .attachment("image", "the image (or reply to one)", true)
                .number("k", "how many similar images (1-" + settings.maxK() + ")", 1, settings.maxK())
                .usesRepliedImages()
                .contextMenu("Find similar")
                .example("/similar k:8")
                .build(), this::handle);
    }

    private void handle(CommandContext ctx) throws Exception {
        Attachment attachment = ctx.request().images().get(0);
        int k = (int) ctx.request().arguments().number("k").orElse(settings.defaultK());
        PostedImage image = intake.read(attachment);
        Gallery g = gallery.get();
        if (g.stats().images() == 0) {
            throw new UserFacingException("The gallery is empty. An admin can list image folders under gallery.folders in the configuration and run /reindex.");
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
        String clipModel = inference.models().clipImage();
        String semanticNote = "";
        if (availability.isAvailable(clipModel)) {
            similar = g.searchByVector(clipModel, inference.embedImage(image), k, filter);
        } else {
            semanticNote = "Similar-art search needs the CLIP model (" + clipModel + "); an admin can install it with ./acgbot models fetch " + clipModel;
        }
        if (itself.isEmpty() && copies.isEmpty() && similar.isEmpty()) {
            String line = "No copies of " + image.fileName() + " and no similar art in the gallery.";
            ctx.reply(Reply.text(semanticNote.isEmpty() ? RichText.plain(line) : RichText.builder().plain(line).newline().plain(semanticNote).build()));
            return;
        }

        Set<String> queryTags = queryTags(image);
        List<Reply.Image> items = new ArrayList<>();
        itself.ifPresent(e -> items.add(new Reply.Image(GalleryImages.ref(e, gallery.settings().folders()),
                RichText.builder().bold("this picture, in the gallery").plain(" · " + e.path()
                        + e.sourceUrl().map(url -> " · " + url).orElse("")).build())));
        for (DuplicateHit d : shown) {
            items.add(new Reply.Image(GalleryImages.ref(d.entry(), gallery.settings().folders()),
                    DuplicateCaption.of(d, settings.duplicateDistance())));
        }
        for (SearchHit hit : similar) {
            RichText.Builder caption = RichText.builder().bold("similar art").plain(" · " + Captions.origin(hit.entry())
                    + " · score " + Captions.score(hit.score()));
            List<String> shared = Captions.sharedTags(queryTags, hit.entry().tags(), SHARED_TAG_SCORE, 5);
            if (!shared.isEmpty()) {
                caption.plain(" · shared tags: " + String.join(", ", shared));
            }
            items.add(new Reply.Image(GalleryImages.ref(hit.entry(), gallery.settings().folders()), caption.build()));
        }

        RichText.Builder header = RichText.builder().bold("🖼 " + image.fileName());
        if (itself.isPresent()) {
            header.plain(" — this exact file is in the gallery");
        }
        header.newline().plain(countLine(copies.size(), shown.size()) + " · " + similar.size() + " similar");
        if (!semanticNote.isEmpty()) {
            header.newline().plain(semanticNote);
        }
        ctx.reply(new Reply.Album(header.build(), items));
    }

    /** "no other copies", "1 copy", "12 copies, showing 5". */
    static String countLine(int copies, int shown) {
        if (copies == 0) {
            return "no other copies";
        }
        String n = copies == 1 ? "1 copy" : copies + " copies";
        return shown < copies ? n + ", showing " + shown : n;
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
