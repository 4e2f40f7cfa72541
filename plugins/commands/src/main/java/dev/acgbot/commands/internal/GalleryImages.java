package dev.acgbot.commands.internal;

import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.gallery.GalleryEntry;

import java.nio.file.Path;
import java.util.List;

/** Gallery entries as images to send: each carries what the index knows, so an adapter sends only that file. */
public final class GalleryImages {
    private GalleryImages() {
    }

    /**
     * The entry's shown path under the configured folder that holds it. A path under none of them (the folders
     * changed since indexing) gets itself as root, which the adapter's check refuses rather than send.
     */
    public static ImageRef ref(GalleryEntry entry, List<Path> folders) {
        Path file = entry.path().toAbsolutePath().normalize();
        Path root = folders.stream()
                .map(f -> f.toAbsolutePath().normalize())
                .filter(f -> file.startsWith(f) && !file.equals(f))
                .findFirst()
                .orElse(file);
        return ImageRef.galleryFile(file, root, entry.byteSize(), entry.sha256());
    }
}
