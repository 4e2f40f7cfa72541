package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Stage 1: the image files under the gallery folders, and the folders that could not be read. */
final class FolderScan {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryIndexer.class);
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "gif", "bmp");

    /**
     * @param unreadableRoots folders whose files must be kept although they were not seen (an unmounted disk
     *                        must not empty the gallery)
     */
    record Result(List<FoundFile> files, Set<Path> unreadableRoots) {
    }

    private FolderScan() {
    }

    static Result scan(List<Path> roots, ReindexListener listener, CancellationToken token) {
        List<FoundFile> found = new ArrayList<>();
        Set<Path> unreadable = new HashSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                LOG.warn("gallery folder {} is missing or not a directory; its images are kept", root);
                unreadable.add(root);
                continue;
            }
            try {
                Files.walkFileTree(root, new Visitor(found, unreadable, listener, token));
            } catch (IOException e) {
                LOG.warn("cannot scan {}: {}", root, e.toString());
                unreadable.add(root);
            }
        }
        listener.onProgress(new ReindexProgress(found.size(), found.size(), 0, Duration.ZERO, ReindexProgress.Phase.SCANNING));
        return new Result(found, unreadable);
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static final class Visitor extends SimpleFileVisitor<Path> {
        private final List<FoundFile> found;
        private final Set<Path> unreadable;
        private final ReindexListener listener;
        private final CancellationToken token;

        Visitor(List<FoundFile> found, Set<Path> unreadable, ReindexListener listener, CancellationToken token) {
            this.found = found;
            this.unreadable = unreadable;
            this.listener = listener;
            this.token = token;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (token.isCancelled()) {
                return FileVisitResult.TERMINATE;
            }
            if (attrs.isRegularFile() && isImage(file)) {
                found.add(new FoundFile(file.toAbsolutePath().normalize(), attrs.size(), attrs.lastModifiedTime().toMillis()));
                if (found.size() % 1000 == 0) {
                    listener.onProgress(new ReindexProgress(found.size(), 0, 0, Duration.ZERO, ReindexProgress.Phase.SCANNING));
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            LOG.warn("cannot read {}: {}", file, e.toString());
            if (Files.isDirectory(file)) {
                unreadable.add(file.toAbsolutePath().normalize());
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
