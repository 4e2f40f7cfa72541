package dev.acgbot.models.manifest;

/**
 * A tagger's label file.
 *
 * @param file   a file name of this manifest
 * @param format {@code selected_tags.csv} (tag_id,name,category,count) or one tag name per line
 */
public record LabelsSpec(String file, Format format) {

    public enum Format { SELECTED_TAGS_CSV, LINES }
}
