package dev.acgbot.commands.similar;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.commands.VisionMessages;
import dev.acgbot.commands.internal.Captions;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.RepostEdit;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The caption of one copy: its tier in words a user reads ("same picture", "edited copy (cropped, border)", or only
 * "looks alike" when the verifier is not sure), where it is from, and the measure that decided it with its threshold
 * as detail. Edits are named only for hits verified at {@link DuplicateHit#CONFIDENT_SIMILARITY}.
 */
final class DuplicateCaption {
    private DuplicateCaption() {
    }

    static RichText of(Language language, DuplicateHit hit, int maxHamming) {
        return RichText.builder().bold(tier(language, hit)).plain(" · " + Captions.origin(hit.entry()) + detail(language, hit, maxHamming)).build();
    }

    static String tier(Language language, DuplicateHit hit) {
        if (hit.samePicture()) {
            return VisionMessages.format(language, "similar.tier.same");
        }
        if (!hit.confident()) {
            // hashes alone (indexed before the repost signatures) or edges that agree too little: what was edited,
            // and whether it is a copy at all, is not known
            return VisionMessages.format(language, "similar.tier.near");
        }
        if (hit.edits().isEmpty()) {
            return VisionMessages.format(language, "similar.tier.edited");
        }
        String edits = hit.edits().stream().sorted().map(e -> word(language, e))
                .collect(Collectors.joining(VisionMessages.format(language, "similar.edit.separator")));
        return VisionMessages.format(language, "similar.tier.edited_with", edits);
    }

    private static String detail(Language language, DuplicateHit hit, int maxHamming) {
        if (hit.verified()) {
            return VisionMessages.format(language, "similar.match", String.format(Locale.ROOT, "%.2f", hit.similarity()),
                    String.format(Locale.ROOT, "%.2f", DuplicateHit.CONFIDENT_SIMILARITY));
        }
        return VisionMessages.format(language, "similar.hamming", hit.pHashDistance(), hit.dHashDistance(), maxHamming);
    }

    private static String word(Language language, RepostEdit edit) {
        return VisionMessages.format(language, "similar.edit." + edit.name().toLowerCase(Locale.ROOT));
    }
}
