package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.api.TagCategory;
import dev.acgbot.models.manifest.LabelsSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A tagger's labels in output order: {@code selected_tags.csv} (tag_id,name,category,count) or one name a line. */
public record TagLabels(List<String> names, List<TagCategory> categories) {

    public int size() {
        return names.size();
    }

    public static TagLabels read(Path file, LabelsSpec.Format format) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labels " + file, e);
        }
        List<String> names = new ArrayList<>();
        List<TagCategory> categories = new ArrayList<>();
        if (format == LabelsSpec.Format.LINES) {
            for (String line : lines) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                    categories.add(TagCategory.GENERAL);
                }
            }
            return new TagLabels(List.copyOf(names), List.copyOf(categories));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty label file");
        }
        List<String> header = splitCsv(lines.get(0));
        int nameCol = header.indexOf("name");
        int catCol = header.indexOf("category");
        if (nameCol < 0 || catCol < 0) {
            throw new IllegalArgumentException(file + ": expected a header with name and category columns, got " + header);
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = splitCsv(lines.get(i));
            if (cells.size() <= Math.max(nameCol, catCol)) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": too few columns");
            }
            names.add(cells.get(nameCol));
            try {
                categories.add(TagCategory.fromCsvCode(Integer.parseInt(cells.get(catCol).strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": category is not a number", e);
            }
        }
        return new TagLabels(List.copyOf(names), List.copyOf(categories));
    }

    /** RFC 4180 cells: commas inside double quotes, doubled quotes as one. */
    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
