package dev.acgbot.commands.captions;

import dev.acgbot.commands.prompt.PromptStyle;
import dev.acgbot.commands.prompt.TagBlacklist;

/**
 * What {@code acgbot tag FOLDER} writes and where.
 *
 * @param generalThreshold   general tags at or above this score go into the caption
 * @param characterThreshold character tags likewise (they come first, as kohya-ss and the WD14 tagger write them)
 * @param blacklist          tags never written
 * @param style              spaces or underscores, escaped parentheses or not
 * @param extension          the caption file's extension without the dot ({@code txt}: {@code a.png} gets {@code a.txt})
 * @param write              write caption files; false prints each caption instead
 * @param overwrite          replace captions that exist; without it they are skipped, which makes a rerun resume
 * @param recursive          also caption the images in subfolders
 */
public record CaptionOptions(double generalThreshold, double characterThreshold, TagBlacklist blacklist, PromptStyle style,
                             String extension, boolean write, boolean overwrite, boolean recursive) {
    public CaptionOptions {
        extension = extension.startsWith(".") ? extension.substring(1) : extension;
        if (extension.isBlank() || extension.contains("/")) {
            throw new IllegalArgumentException("the caption extension must be a plain extension such as txt, not '" + extension + "'");
        }
    }
}
