package dev.acgbot.commands.captions;

import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.preprocess.ImageOps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Captions every image of a folder with the configured tagger: {@code a.png} gets {@code a.txt} beside it.
 * Images are decoded one at a time and reduced at once to what the tagger reads (as the gallery indexer does,
 * so a 6000 x 6000 wallpaper is not held at full size), then tagged {@code batch} at a time through the same
 * runtime and micro-batches the bot uses. A caption that exists is skipped unless {@link CaptionOptions#overwrite},
 * so an interrupted run resumes where it stopped; each caption is written to a temporary file and moved into
 * place, so a crash never leaves half a caption that a rerun would take for done. Files that are not images and
 * images that cannot be read are reported, never fatal.
 */
public final class CaptionJob {
    /** Files tried as images; anything else is reported as not an image, except the sidecars below. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "jfif", "webp", "gif", "bmp");
    /** What training folders hold beside images (captions, kohya-ss latents and metadata): passed over silently. */
    static final Set<String> SIDECARS = Set.of("txt", "caption", "json", "npz", "toml", "yaml", "yml", "md", "url", "tmp");

    /** Hears about each step; the command line draws a progress line and lists failures from it. */
    public interface Listener {
        default void found(int images) {
        }

        /** An image is done: captioned (written or printed), skipped or failed. */
        default void progress(int done, int total) {
        }

        /** Without {@link CaptionOptions#write}: the caption of {@code image}. */
        default void caption(Path image, String caption) {
        }
    }

    public record Failure(Path file, String reason) {
    }

    /**
     * @param written  captions written (or printed, without {@code write})
     * @param skipped  images whose caption already existed
     * @param failed   images that could not be read or captioned, with the reason
     * @param notImages files in the folder that are not images (sidecars such as captions are not counted)
     */
    public record Summary(int written, int skipped, List<Failure> failed, List<Path> notImages, Duration took) {
        public Summary {
            failed = List.copyOf(failed);
            notImages = List.copyOf(notImages);
        }
    }

    private final Inference inference;
    private final String tagger;
    private final int batch;
    private final int reducedSide;
    private final ImageDecoder decoder;
    private final CaptionOptions options;

    /**
     * @param batch       images per tagger call: the tagger's batch in the memory plan
     * @param reducedSide the shorter side images are reduced to before tagging: at least the tagger's input side
     */
    public CaptionJob(Inference inference, String tagger, int batch, int reducedSide, DecodeLimits limits, CaptionOptions options) {
        this.inference = inference;
        this.tagger = tagger;
        this.batch = Math.max(1, batch);
        this.reducedSide = reducedSide;
        this.decoder = new ImageDecoder(limits);
        this.options = options;
    }

    /** Captions {@code folder} (or the one image {@code folder} names). */
    public Summary run(Path folder, Listener listener) throws IOException {
        long t0 = System.nanoTime();
        List<Path> images = new ArrayList<>();
        List<Path> notImages = new ArrayList<>();
        for (Path file : files(folder)) {
            String extension = extension(file);
            if (IMAGE_EXTENSIONS.contains(extension)) {
                images.add(file);
            } else if (!SIDECARS.contains(extension) && !extension.equals(options.extension())) {
                notImages.add(file);
            }
        }
        listener.found(images.size());
        Counts counts = new Counts();
        Map<Path, Path> captionOwners = new HashMap<>();
        List<Path> pendingFiles = new ArrayList<>();
        List<DecodedImage> pendingPixels = new ArrayList<>();
        int looked = 0;
        for (Path image : images) {
            Path caption = captionOf(image);
            Path owner = captionOwners.putIfAbsent(caption, image);
            if (owner != null) {
                counts.failed.add(new Failure(image, "its caption " + caption.getFileName() + " is also " + owner.getFileName() + "'s"));
            } else if (options.write() && !options.overwrite() && Files.exists(caption)) {
                counts.skipped++;
            } else {
                decode(image, counts).ifPresent(pixels -> {
                    pendingFiles.add(image);
                    pendingPixels.add(pixels);
                });
                if (pendingFiles.size() >= batch) {
                    tagBatch(pendingFiles, pendingPixels, counts, listener);
                }
            }
            // counts the images of a batch still filling as done: at most one batch ahead
            listener.progress(++looked, images.size());
        }
        tagBatch(pendingFiles, pendingPixels, counts, listener);
        return new Summary(counts.written, counts.skipped, counts.failed, notImages, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static final class Counts {
        int written;
        int skipped;
        final List<Failure> failed = new ArrayList<>();
    }

    private Optional<DecodedImage> decode(Path image, Counts counts) {
        try {
            // reduce at once: only the reduced copy lives on while the batch fills
            return Optional.of(ImageOps.reduce(decoder.decode(image), reducedSide));
        } catch (ImageDecodeException e) {
            // the decoder's English sentence for tools without bundles ("That image looks damaged or incomplete…")
            counts.failed.add(new Failure(image, e.userMessage()));
        }
        return Optional.empty();
    }

    /** Tags and captions the pending images, then empties the lists. */
    private void tagBatch(List<Path> files, List<DecodedImage> pixels, Counts counts, Listener listener) {
        if (files.isEmpty()) {
            return;
        }
        List<TagResult> results = inference.tag(tagger, List.copyOf(pixels));
        for (int i = 0; i < files.size(); i++) {
            String caption = CaptionText.of(results.get(i), options.generalThreshold(), options.characterThreshold(),
                    options.blacklist(), options.style());
            if (!options.write()) {
                listener.caption(files.get(i), caption);
                counts.written++;
                continue;
            }
            try {
                write(captionOf(files.get(i)), caption);
                counts.written++;
            } catch (IOException e) {
                counts.failed.add(new Failure(files.get(i), "cannot write its caption: " + e.getMessage()));
            }
        }
        files.clear();
        pixels.clear();
    }

    private static void write(Path caption, String text) throws IOException {
        Path tmp = caption.resolveSibling("." + caption.getFileName() + ".tmp");
        Files.writeString(tmp, text + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, caption, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code a.png} → {@code a.txt}, as kohya-ss and the WD14 tagger name captions. */
    Path captionOf(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return image.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "." + options.extension());
    }

    private List<Path> files(Path folder) throws IOException {
        if (Files.isRegularFile(folder)) {
            return List.of(folder);
        }
        try (Stream<Path> walk = options.recursive() ? Files.walk(folder) : Files.list(folder)) {
            return walk.filter(p -> !hidden(folder, p)).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Dot files and anything under a dot folder (.git, .cache), as every tool skips them. */
    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
