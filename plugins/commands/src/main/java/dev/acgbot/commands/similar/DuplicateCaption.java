package dev.acgbot.commands.similar;

import dev.acgbot.api.reply.RichText;
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

    static RichText of(DuplicateHit hit, int maxHamming) {
        return RichText.builder().bold(tier(hit)).plain(" · " + Captions.origin(hit.entry()) + " · " + detail(hit, maxHamming)).build();
    }

    static String tier(DuplicateHit hit) {
        if (hit.samePicture()) {
            return "same picture";
        }
        if (!hit.verified()) {
            return "near duplicate"; // indexed before schema 2: the hashes cannot say what was edited
        }
        if (hit.edits().isEmpty()) {
            return "edited copy";
        }
        return "edited copy (" + hit.edits().stream().sorted().map(DuplicateCaption::word).collect(Collectors.joining(", ")) + ")";
    }

    private static String detail(DuplicateHit hit, int maxHamming) {
        if (hit.verified()) {
            return String.format(Locale.ROOT, "match %.2f (copies ≥ %.2f)", hit.similarity(), DuplicateHit.COPY_SIMILARITY);
        }
        return "Hamming " + hit.pHashDistance() + "/" + hit.dHashDistance() + " pHash/dHash (copies ≤ " + maxHamming + ")";
    }

    private static String word(RepostEdit edit) {
        return switch (edit) {
            case CROPPED -> "cropped";
            case BORDER -> "border";
            case ROTATED -> "rotated";
            case MIRRORED -> "mirrored";
            case STRETCHED -> "stretched";
            case RECOLOURED -> "recoloured";
        };
    }
}
