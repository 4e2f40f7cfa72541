package dev.acgbot.gallery;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Which images a search may return.
 *
 * @param exclude      sha256 values never returned (the query image itself)
 * @param folder       only images with a path under this folder
 * @param requiredTags only images whose stored tags include all of these
 */
public record SearchFilter(Set<String> exclude, Optional<Path> folder, Set<String> requiredTags) {
    public SearchFilter {
        exclude = Set.copyOf(exclude);
        folder = folder.map(p -> p.toAbsolutePath().normalize());
        requiredTags = Set.copyOf(requiredTags);
    }

    public static SearchFilter none() {
        return new SearchFilter(Set.of(), Optional.empty(), Set.of());
    }

    public static SearchFilter excluding(String sha256) {
        return none().exclude(sha256);
    }

    public SearchFilter exclude(String sha256) {
        java.util.Set<String> s = new java.util.HashSet<>(exclude);
        s.add(sha256);
        return new SearchFilter(s, folder, requiredTags);
    }

    public SearchFilter inFolder(Path path) {
        return new SearchFilter(exclude, Optional.of(path), requiredTags);
    }

    public SearchFilter withTags(Set<String> tags) {
        return new SearchFilter(exclude, folder, tags);
    }

    /** Whether anything beyond exclusions narrows the search (such searches scan exactly). */
    public boolean narrows() {
        return folder.isPresent() || !requiredTags.isEmpty();
    }

    public boolean accepts(GalleryEntry e) {
        if (exclude.contains(e.sha256())) {
            return false;
        }
        if (folder.isPresent() && e.paths().stream().noneMatch(p -> p.startsWith(folder.get()))) {
            return false;
        }
        return e.tags().keySet().containsAll(requiredTags);
    }
}
