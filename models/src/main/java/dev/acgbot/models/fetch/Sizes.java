package dev.acgbot.models.fetch;

import dev.acgbot.models.manifest.ModelFile;

import java.util.List;
import java.util.Locale;

/** Human sizes for {@code models list} and the total before a fetch: exact, approximate (~) or unknown (?). */
final class Sizes {
    private Sizes() {
    }

    static String describe(List<ModelFile> files) {
        long sum = 0;
        boolean approximate = false;
        boolean unknown = false;
        for (ModelFile f : files) {
            long s = f.displaySize();
            if (s < 0) {
                unknown = true;
            } else {
                sum += s;
                approximate |= f.size() < 0;
            }
        }
        if (unknown && sum == 0) {
            return "?";
        }
        return (approximate ? "~" : "") + human(sum) + (unknown ? "+?" : "");
    }

    static String human(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
    }
}
