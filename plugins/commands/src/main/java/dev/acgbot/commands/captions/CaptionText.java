package dev.acgbot.commands.captions;

import dev.acgbot.commands.prompt.PromptStyle;
import dev.acgbot.commands.prompt.TagBlacklist;
import dev.acgbot.commands.tag.TagReport;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;

import java.util.stream.Stream;

/**
 * One image's training caption as kohya-ss's {@code tag_images_by_wd14_tagger.py --character_tags_first} and the
 * WD14 tagger extension write it: character tags, then general tags, each by score, comma separated, no rating
 * tags, nothing cut (a /tag reply shows 40 tags; a caption keeps every tag above the thresholds).
 */
public final class CaptionText {

    private CaptionText() {
    }

    public static String of(TagResult result, double generalThreshold, double characterThreshold, TagBlacklist blacklist,
                            PromptStyle style) {
        TagReport report = TagReport.of(result, generalThreshold, characterThreshold, blacklist);
        return style.join(Stream.concat(report.characters().stream(), report.general().stream()).map(TagScore::name).toList());
    }
}
