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
 * The caption of one copy: its tier in words a user reads ("same picture", "edited copy (cropped, border)"), where
 * it is from, and the measure that decided it with its threshold as detail.
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
        if (!hit.verified()) {
            // indexed before the repost signatures: the hashes cannot say what was edited
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
                    String.format(Locale.ROOT, "%.2f", DuplicateHit.COPY_SIMILARITY));
        }
        return VisionMessages.format(language, "similar.hamming", hit.pHashDistance(), hit.dHashDistance(), maxHamming);
    }

    private static String word(Language language, RepostEdit edit) {
        return VisionMessages.format(language, "similar.edit." + edit.name().toLowerCase(Locale.ROOT));
    }
}
