package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.manifest.ModelFile;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.preprocess.PreprocessSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Image models that read one ONNX graph at different outputs: manifests whose graph file has the same checksum and
 * whose image input is filled the same way (nsfwjs's classifier and its global-pool features are one MobileNetV2
 * graph, two manifests). The first reader's slot holds the only session and every run of it reads every reader's
 * output, so the graph is loaded once; and the rows of the readers asked for before are kept for the pictures just
 * run, so a picture that needs two of them (the gallery indexer asks for the embedding and then the rating, with the
 * same pixels) pays one run instead of two.
 *
 * <p>Kept rows are keyed by the picture object itself (weakly: the caller's pixels are never held here), so a
 * picture decoded again is simply run again. At most {@link #KEPT} pictures' rows are kept. The runs and their
 * preprocessing count under the holder in the engine's activity ({@code /stats}, a reindex's stages).
 */
public final class SharedGraph {
    /** About 5 MB of nsfwjs rows (1,280 + 5 floats a picture); the indexer's batches are 32 pictures. */
    static final int KEPT = 1024;

    private final List<ModelSlot> readers;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final Map<DecodedImage, float[][]> kept = new WeakHashMap<>();

    /** @param readers the slots of one graph's readers, the session's holder first */
    public SharedGraph(List<ModelSlot> readers) {
        this.readers = List.copyOf(readers);
    }

    /** The manifests that read one graph, in groups of two or more, each in {@code manifests}' order. */
    public static List<List<ModelManifest>> groups(Collection<ModelManifest> manifests) {
        Map<String, List<ModelManifest>> byGraph = new LinkedHashMap<>();
        for (ModelManifest m : manifests) {
            key(m).ifPresent(k -> byGraph.computeIfAbsent(k, x -> new ArrayList<>()).add(m));
        }
        return byGraph.values().stream().filter(g -> g.size() > 1).map(List::copyOf).toList();
    }

    /**
     * What must be equal for two manifests to share a run: the graph's checksum, its image input and how that input
     * is filled, and its batch axis. Text models and graphs with constant inputs (one-graph CLIP exports) never share.
     */
    private static Optional<String> key(ModelManifest m) {
        if (m.image().isEmpty() || !m.constantInputs().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> sha = m.file(m.modelFile()).flatMap(ModelFile::sha256);
        PreprocessSpec s = m.preprocessSpec();
        return sha.map(h -> String.join("|", h, m.image().get().name(), String.valueOf(m.fixedBatch()),
                s.width() + "x" + s.height(), s.resize().name(), s.interpolation().name(), s.alpha().name(),
                s.colorOrder().name(), s.layout().name(), String.valueOf(s.scale()), Arrays.toString(s.mean()),
                Arrays.toString(s.std())));
    }

    /** The slot that holds the session. */
    public ModelSlot holder() {
        return readers.get(0);
    }

    /**
     * The rows of reader {@code id} for {@code images}, in input order: kept rows where this graph ran on the very
     * picture already, one run of the holder's session for the rest.
     */
    public List<float[]> rows(String id, List<DecodedImage> images, Function<DecodedImage, float[]> preprocess) {
        int reader = indexOf(id);
        asked.add(id);
        float[][] out = new float[images.size()][];
        List<DecodedImage> toRun = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        synchronized (kept) {
            for (int i = 0; i < images.size(); i++) {
                float[][] rows = kept.get(images.get(i));
                if (rows != null && rows[reader] != null) {
                    out[i] = rows[reader].clone();
                } else {
                    toRun.add(images.get(i));
                    where.add(i);
                }
            }
        }
        if (!toRun.isEmpty()) {
            // a passenger's files and width are checked here, as a session of its own would have been at load
            int width = reader == 0 ? -1 : readers.get(reader).outputWidth();
            List<float[][]> ran = holder().runImagesAllReaders(toRun, preprocess);
            for (int j = 0; j < ran.size(); j++) {
                out[where.get(j)] = checked(reader, ran.get(j)[reader], width);
            }
            keep(toRun, ran, reader);
        }
        return Arrays.asList(out);
    }

    /** Keeps the other asked-for readers' rows of a run; the caller's own rows are not kept (it has them). */
    private void keep(List<DecodedImage> images, List<float[][]> ran, int caller) {
        boolean[] wanted = new boolean[readers.size()];
        boolean any = false;
        for (int r = 0; r < wanted.length; r++) {
            wanted[r] = r != caller && asked.contains(readers.get(r).manifest().id());
            any |= wanted[r];
        }
        if (!any) {
            return;
        }
        synchronized (kept) {
            if (kept.size() + images.size() > KEPT) {
                kept.clear();
            }
            for (int j = 0; j < images.size(); j++) {
                float[][] rows = new float[wanted.length][];
                for (int r = 0; r < wanted.length; r++) {
                    rows[r] = wanted[r] ? ran.get(j)[r] : null;
                }
                kept.put(images.get(j), rows);
            }
        }
    }

    /** A row whose output the graph has, {@code width} wide unless -1 (the holder's rows were checked at its load). */
    private float[] checked(int reader, float[] row, int width) {
        ModelSlot slot = readers.get(reader);
        String id = slot.manifest().id();
        if (row == null) {
            throw new ModelUnavailableException(id, "model " + id + " does not match its manifest "
                    + slot.manifest().origin() + ": the graph has no output '" + slot.manifest().output().name() + "'");
        }
        if (width >= 0 && row.length != width) {
            throw new ModelUnavailableException(id, "model " + id + " does not match its manifest "
                    + slot.manifest().origin() + ": output '" + slot.manifest().output().name() + "' has " + row.length
                    + " values per item but " + width + " are expected");
        }
        return row;
    }

    private int indexOf(String id) {
        for (int r = 0; r < readers.size(); r++) {
            if (readers.get(r).manifest().id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException(id + " does not read this graph");
    }
}
