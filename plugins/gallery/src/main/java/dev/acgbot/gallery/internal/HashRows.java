package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Perceptual hashes of every image (writer side), indexed for Hamming search: pHash and dHash of the whole image
 * and of the image with its uniform margins trimmed ({@link RepostSignature}), and the pHashes of its
 * {@link CropWindows crop windows}.
 */
final class HashRows {
    final HammingIndex pHashes = new HammingIndex();
    final HammingIndex dHashes = new HammingIndex();
    final HammingIndex trimmedPHashes = new HammingIndex();
    final HammingIndex trimmedDHashes = new HammingIndex();
    final WindowRows windows = new WindowRows();
    final ColourRows colours = new ColourRows();
    final Column<String> shas = new Column<>();
    final RowIndex rowOf = new RowIndex(shas);
    final Tombstones dead = new Tombstones();

    void put(String sha, long pHash, long dHash) {
        put(sha, pHash, dHash, pHash, dHash);
    }

    void put(String sha, long pHash, long dHash, long trimmedPHash, long trimmedDHash) {
        put(sha, pHash, dHash, trimmedPHash, trimmedDHash, new long[0]);
    }

    /** @param cropWindows the {@link CropWindows}' pHashes; empty for an image whose signature has none yet */
    void put(String sha, long pHash, long dHash, long trimmedPHash, long trimmedDHash, long[] cropWindows) {
        put(sha, pHash, dHash, trimmedPHash, trimmedDHash, cropWindows, new byte[0]);
    }

    /** @param colour the signature's {@link RepostSignature#colour() RGB grid}; empty for an image without a signature */
    void put(String sha, long pHash, long dHash, long trimmedPHash, long trimmedDHash, long[] cropWindows, byte[] colour) {
        if (rowOf.contains(sha)) {
            return;
        }
        int row = pHashes.add(pHash);
        dHashes.add(dHash);
        trimmedPHashes.add(trimmedPHash);
        trimmedDHashes.add(trimmedDHash);
        windows.append(cropWindows, pHash);
        colours.append(colour);
        shas.append(sha);
        rowOf.put(row);
    }

    void remove(String sha) {
        int row = rowOf.remove(sha);
        if (row >= 0) {
            dead.delete(row);
        }
    }

    Snapshot snapshot() {
        return new Snapshot(pHashes.reader(), dHashes.reader(), trimmedPHashes.reader(), trimmedDHashes.reader(),
                windows.view(), colours.view(), shas.view(), dead.snapshot());
    }

    /**
     * A query's hashes: whole image and trimmed, and of the windows that leave out a caption band (pHash, dHash
     * pairs; none for a stored image). A caption bar moves every global hash of the copy beyond the candidate radius
     * (caption bar: the source among the candidates for 0.21 of copies); the window without it hashes as the source.
     */
    record Probe(long pHash, long dHash, long trimmedPHash, long trimmedDHash, long[] windowPHashes, long[] windowDHashes,
                 long[] cropPHashes, long[] movedPHashes, long[] turnedPHashes, long[] turnedDHashes, boolean noisyPHash) {
        Probe(long pHash, long dHash, long trimmedPHash, long trimmedDHash) {
            this(pHash, dHash, trimmedPHash, trimmedDHash, new long[0], new long[0], new long[0], new long[0], new long[0]);
        }

        Probe(long pHash, long dHash, long trimmedPHash, long trimmedDHash, long[] windowPHashes, long[] windowDHashes,
              long[] cropPHashes, long[] turnedPHashes, long[] turnedDHashes) {
            this(pHash, dHash, trimmedPHash, trimmedDHash, windowPHashes, windowDHashes, cropPHashes, new long[0], turnedPHashes, turnedDHashes,
                    false);
        }

        /**
         * Unsure bits ({@link PerceptualHash#unsureBits}) from which the copy's pHash is noise: then the scan also keeps the
         * rows closest by dHash alone ({@link #noisyPHash}). 99 % of the JPEG q75 copies of openclipart's stars have 40 or
         * more, 7 % of its other drawings.
         */
        static final int NOISY_PHASH = 40;
        /**
         * The dHash distance within which a row is kept for a copy whose pHash is noise: a re-encoded star's dHash stays within
         * 0-5 bits of its source's (docs/benchmarks.md, "Star polygons"). With any distance up to the radius, thin icons and
         * patterns (a pen 9 px wide against one 4 px wide, 10 dHash bits apart; dot grids) were verified and accepted: 11 more
         * false duplicates on 7 not-stars edits of two samples, greyscale past the goal on one.
         */
        static final int NOISY_DHASH = 6;

        /**
         * Radius for the {@link TurnedWindows}: a turned-back copy's central window within this many bits of the stored
         * central crop window makes the image a candidate.
         */
        static final int TURN_RADIUS = 14;

        /**
         * Radius for the stored {@link CropWindows}: the copy's pHash (whole or trimmed) within this many bits of a
         * window's makes the image a candidate. A 75 % crop lies within 14 bits of its source's nearest window for 148
         * of 150 sources (docs/benchmarks.md).
         */
        static final int CROP_RADIUS = 14;
        /**
         * Rows the scan keeps of each kind (found by the whole hashes, found by a crop window), the closest: as many as
         * the verifier sees at most. Pictures mostly of one colour (thin strokes on white) are alike on every hash, and
         * keeping every one of them (a third of a synthetic 100k gallery) made the slowest lookups 90 ms of CPU.
         */
        static final int KEPT = DefaultGallery.MAX_CANDIDATES;
        /**
         * Rows found by a crop window kept beyond the {@value #KEPT} closest, for a lookup none of whose candidates passed
         * ({@link CrowdedCrops}): a 2-bit window of a map symbol was shared by 93 other pictures (docs/benchmarks.md). Small
         * grey icons of one style crowd too: quarter crops of two 60-pixel icons (`kdict`, `piano`; seed 200) had their
         * nearest windows at 12 bits, past the 48 rows kept with 24 crowded (round 38).
         */
        static final int CROWDED = 48;
        /**
         * A copy that pairs with a stored picture within this many bits (pHash + dHash, whole or trimmed) is found as a
         * whole: its crop candidates are ranked by the copy as posted alone, not by the copy {@link CropWindows#movedPHashes
         * moved}. A moved copy is for a crop cut between the stored windows; for other edits it only brought more look-alikes
         * to the verifier (a greyscale copy of a thin bar found at 0 bits listed two more bars and an arrow after it). On the
         * five samples, not-stars' false duplicates were 170 with the copy as posted alone, 184 with the moved copies for
         * every copy on paper, 177 with this; the sources found first were the same with either.
         */
        static final int FOUND_WHOLE = 16;

        /**
         * This probe without the crop-window and turned-window tests: the mirror image's probe (a crop or a turn of a
         * mirrored copy is not looked for; the windows are a pass over 25 hashes a row, docs/benchmarks.md has the cost).
         */
        Probe withoutCropWindows() {
            return new Probe(pHash, dHash, trimmedPHash, trimmedDHash, windowPHashes, windowDHashes, new long[0], new long[0], new long[0],
                    new long[0], noisyPHash);
        }

        /** This probe without the {@link #movedPHashes}: the copy as posted. */
        Probe withoutMoved() {
            return new Probe(pHash, dHash, trimmedPHash, trimmedDHash, windowPHashes, windowDHashes, cropPHashes, new long[0], turnedPHashes,
                    turnedDHashes, noisyPHash);
        }

        /** Share of the height a caption window leaves out: a band of 15 % of the picture's height above or below it. */
        static final double CAPTION = 0.13;
        /**
         * Radius for the caption windows, tighter than the whole image's: the window of a captioned copy is the
         * source itself (0-2 bits), while at the full radius the windows of cropped copies let in look-alikes the
         * verifier then accepted (crop 25 %: false duplicates 0.04 to 0.12 per query, docs/benchmarks.md).
         */
        static final int WINDOW_RADIUS = 8;
        /**
         * How much closer (p + d) a window must pair than the whole copy before the copy is verified without its band:
         * a caption moves the whole hashes 20+ bits and leaves the window at 0-2; with any closer window chosen,
         * look-alikes the band-less copy resembled were accepted on every edit (150 sources: false duplicates
         * 0.023 to 0.033 per query, greyscale 0.073).
         */
        static final int WINDOW_MARGIN = 10;

        /** The probe of {@code side} (a reduced query or its mirror image): whole, trimmed, and without a caption band. */
        static Probe of(DecodedImage side) {
            return of(side, captionBands(side));
        }

        /**
         * As {@link #of(DecodedImage)}, with the caption bands already judged (a mirror image has the same bands).
         * A window whose band is no caption gets the whole copy's hashes: it finds nothing the whole copy does not,
         * and costs no hashing (a crop of a flag's green field left out at the top otherwise found flat icons the
         * verifier accepted: 7 false duplicates from one query).
         */
        static Probe of(DecodedImage side, boolean[] captions) {
            Probe whole = withoutCropWindows(side, captions);
            DecodedImage flat = PerceptualHash.onWhite(side);
            // the trimmed copy too (a crop of clip art on white keeps some of the white, which the trim removes), and the
            // copy's central window (a copy that kept 90 % holds a stored window there: CropWindows.CENTRAL)
            long central = CropWindows.centralPHash(flat);
            long[] crops = whole.trimmedPHash() == whole.pHash() ? new long[]{whole.pHash(), central}
                    : new long[]{whole.pHash(), whole.trimmedPHash(), central};
            // halved once for both turned hashes: the dHashes' halving goes on from where the pHashes' stops (the same
            // pixels as halving the copy twice, which a profile of the evaluation put at a tenth of a lookup)
            DecodedImage turnSide = TurnedWindows.halved(flat, TurnedWindows.TURN_SIDE);
            return new Probe(whole.pHash(), whole.dHash(), whole.trimmedPHash(), whole.trimmedDHash(), whole.windowPHashes(),
                    whole.windowDHashes(), crops, CropWindows.movedPHashes(flat), TurnedWindows.pHashes(turnSide), TurnedWindows.dHashes(turnSide),
                    whole.noisyPHash());
        }

        /**
         * The probe of {@code side} without the crop-window and turned-window hashes, which are never computed: the mirror
         * image's probe ({@link #withoutCropWindows()}). Hashing the copy turned back at five angles was most of a query's
         * own hashing (23 % of a tiny copy's lookup in a profile of the evaluation), and the mirror image's was thrown away.
         */
        static Probe withoutCropWindows(DecodedImage side, boolean[] captions) {
            double[] low = PerceptualHash.lowFrequencies(side);
            long wholeP = PerceptualHash.pHash(low), wholeD = PerceptualHash.dHash(side);
            DecodedImage inner = Margins.trim(PerceptualHash.onWhite(side));
            long[] p = new long[captions.length], d = new long[captions.length];
            for (int w = 0; w < captions.length; w++) {
                DecodedImage kept = captions[w] ? window(side, w) : null;
                p[w] = kept == null ? wholeP : PerceptualHash.pHash(kept);
                d[w] = kept == null ? wholeD : PerceptualHash.dHash(kept);
            }
            return new Probe(wholeP, wholeD, PerceptualHash.pHash(inner), PerceptualHash.dHash(inner), p, d, new long[0], new long[0],
                    new long[0], new long[0], PerceptualHash.unsureBits(low) >= NOISY_PHASH);
        }

        /** For each caption window (0: band at the top, 1: at the bottom), whether its band looks like a caption. */
        static boolean[] captionBands(DecodedImage side) {
            int band = (int) Math.round(side.height() * CAPTION);
            if (band < 1 || side.height() - band < 8) {
                return new boolean[]{false, false};
            }
            DecodedImage flat = PerceptualHash.onWhite(side);
            return new boolean[]{captionBand(flat, 0), captionBand(flat, 1)};
        }

        /**
         * Whether the band window {@code index} leaves out looks like a caption: ≥ 70 % near-white or near-black
         * pixels, with ≥ 2 % of each (paper and ink).
         */
        private static boolean captionBand(DecodedImage flat, int index) {
            DecodedImage side = flat;
            int band = (int) Math.round(side.height() * CAPTION);
            int from = index == 0 ? 0 : side.height() - band, w = side.width();
            int[] px = flat.argb();
            int paper = 0, ink = 0;
            for (int i = from * w; i < (from + band) * w; i++) {
                int r = px[i] >> 16 & 0xFF, g = px[i] >> 8 & 0xFF, b = px[i] & 0xFF;
                paper += Math.min(r, Math.min(g, b)) >= 225 ? 1 : 0;
                ink += Math.max(r, Math.max(g, b)) <= 30 ? 1 : 0;
            }
            // both: a caption is text on a plain band, while a blank margin (clip art on white) is no caption
            return paper + ink >= 0.7 * band * w && Math.min(paper, ink) >= 0.02 * band * w;
        }

        /** Caption window {@code index} of {@code side}: 0 leaves out a band at the top, 1 one at the bottom. */
        static DecodedImage window(DecodedImage side, int index) {
            int band = (int) Math.round(side.height() * CAPTION);
            return index == 0 ? rows(side, band, side.height()) : rows(side, 0, side.height() - band);
        }

        private static DecodedImage rows(DecodedImage img, int from, int to) {
            int w = img.width();
            int[] out = new int[w * (to - from)];
            System.arraycopy(img.argb(), from * w, out, 0, out.length);
            return new DecodedImage(w, to - from, out, img.hasAlpha());
        }
    }

    /**
     * A candidate: the whole-image distances (what schema 1 decided on) and the closest pairing of any query hash
     * pair (whole or trimmed) with any stored pair, p + d.
     */
    record Near(int pHashDistance, int dHashDistance, int closest, int closestDHash, int window, int cropDistance,
                int cropWindow, Turn turn) {
        Near(int pHashDistance, int dHashDistance, int closest, int closestDHash) {
            this(pHashDistance, dHashDistance, closest, closestDHash, WHOLE, 64, WHOLE);
        }

        Near(int pHashDistance, int dHashDistance, int closest, int closestDHash, int window, int cropDistance, int cropWindow) {
            this(pHashDistance, dHashDistance, closest, closestDHash, window, cropDistance, cropWindow, Turn.NONE);
        }

        /** {@link #window} when the whole or trimmed query paired closest; otherwise the index of the caption window. */
        static final int WHOLE = -1;

        /**
         * How the copy turned back ({@link TurnedWindows}) sees the image: the closest turn's central window distance and
         * index into {@link TurnedWindows#ANGLES}, and the dHash distance of the whole copy turned back by that angle.
         */
        record Turn(int distance, int index, int dHash) {
            static final Turn NONE = new Turn(64, WHOLE, 64);

            boolean found() {
                return index != WHOLE && distance <= Probe.TURN_RADIUS;
            }

            Turn closer(Turn o) {
                return o.distance < distance ? o : this;
            }
        }

        /** Whether the copy turned back by one of {@link TurnedWindows#ANGLES} found this image. */
        boolean byTurn() {
            return turn.found();
        }

        /** The closest dHash distance of any view of the copy: as posted, mirrored, or turned back where that found it. */
        int dHashEvidence() {
            return byTurn() ? Math.min(closestDHash, turn.dHash()) : closestDHash;
        }

        /**
         * What vouches for a faint picture besides the correlation: {@link #dHashEvidence}, or for a candidate a crop window
         * found, that window's pHash distance when closer. A quarter crop moves the whole dHash 13-35 bits, so the faint
         * rule rejected faint crops whose window matched at 0-12 bits (a throwaway diagnosis, 300 quarter crops of 150
         * non-star sources, seed 77: 7 of 49 missed crops passed from the true pose once the rule was left out; on the
         * evaluation's sample 3 of 11: docs/benchmarks.md, "Crop 25 %, round 9"). A verdict the window alone vouched for must
         * name a crop and nothing else ({@link RepostVerifier#pose}).
         */
        int faintEvidence() {
            return byCropWindow() ? Math.min(dHashEvidence(), cropDistance) : dHashEvidence();
        }

        /** Whether both whole-picture hashes are equal: the posted picture is this stored one, as far as hashes tell. */
        boolean exact() {
            return pHashDistance == 0 && dHashDistance == 0;
        }

        /** Whether the copy's pHash lies within {@link Probe#CROP_RADIUS} of one of the candidate's crop windows. */
        boolean byCropWindow() {
            return cropWindow != WHOLE && cropDistance <= Probe.CROP_RADIUS;
        }

        /** The closer of two sightings (the copy and its mirror image) of one candidate. */
        Near merge(Near o) {
            Near closer = o.closest < closest ? o : this;
            Near cropCloser = o.cropDistance < cropDistance ? o : this;
            return new Near(Math.min(pHashDistance, o.pHashDistance), Math.min(dHashDistance, o.dHashDistance),
                    closer.closest, Math.min(closestDHash, o.closestDHash), closer.window, cropCloser.cropDistance,
                    cropCloser.cropWindow, turn.closer(o.turn));
        }
    }

    /**
     * A stored picture whose pHash (whole or trimmed) lies {@code distance} bits from crop window {@code window} of another:
     * {@link Snapshot#inWindows}. Its whole hashes too.
     */
    record InWindow(String sha, int distance, int window, long pHash, long dHash) {
    }

    record Snapshot(HammingIndex.Reader pHashes, HammingIndex.Reader dHashes, HammingIndex.Reader trimmedPHashes,
                    HammingIndex.Reader trimmedDHashes, WindowRows.View windows, ColourRows.View colours, Column.View<String> shas,
                    Tombstones.Snapshot dead) {

        /**
         * The {@code most} live images but those of {@code skip} whose colour grid lies closest to {@code grid}
         * ({@link ColourRows}), closest first, each with its hash distances to {@code q} ({@link ColourLayouts}).
         */
        Map<String, Near> byColour(Probe q, byte[] grid, int most, java.util.function.Predicate<String> skip) {
            int rows = Math.min(Math.min(pHashes.limit(), dHashes.limit()), Math.min(Math.min(trimmedPHashes.limit(), trimmedDHashes.limit()),
                    Math.min(windows.size(), shas.size())));
            Map<String, Near> out = new LinkedHashMap<>();
            for (long key : colours.closest(grid, rows, most, row -> !dead.deleted(row) && !skip.test(shas.get(row)))) {
                int row = (int) key;
                out.put(shas.get(row), nearOf(row, q));
            }
            return out;
        }

        /** sha256 to {pHash distance, dHash distance} of every live image within {@code maxDistance} on either hash. */
        Map<String, int[]> near(long pHash, long dHash, int maxDistance) {
            Map<String, int[]> out = new LinkedHashMap<>();
            for (int row : pHashes.within(pHash, maxDistance)) {
                add(out, row, pHash, dHash);
            }
            for (int row : dHashes.within(dHash, maxDistance)) {
                add(out, row, pHash, dHash);
            }
            return out;
        }

        /**
         * The live images within {@code maxDistance} of the probe on any of the four hashes, whole or trimmed (or within
         * {@link Probe#WINDOW_RADIUS} of a caption window), the {@value Probe#KEPT} closest by {@link Near#closest}; and
         * the {@value Probe#KEPT} closest by a crop window within {@link Probe#CROP_RADIUS}. A scan of the hash columns,
         * not the multi-index tables: at the duplicate search's radius of 14 each table probe enumerates 2,788 buckets
         * per hash, and crowded hashes (line art on white) fill them; at 100k images the eight probes of a lookup and its
         * mirror image took 20.6 ms of CPU, the scan about 1 ms (DuplicateLookupScaleTest, docs/benchmarks.md). Only the
         * closest are kept because the verifier sees no more: a stroke on white is within the radius of 29,000 of the
         * synthetic 100k pictures, and collecting and sorting all of them was 60 ms of CPU.
         */
        Map<String, Near> near(Probe q, int maxDistance) {
            return near(q, maxDistance, new LinkedHashMap<>());
        }

        /** As {@link #near(Probe, int)}, and the next {@value Probe#CROWDED} closest by a crop window put in {@code crowded}. */
        Map<String, Near> near(Probe q, int maxDistance, Map<String, Near> crowded) {
            Map<String, Near> out = new LinkedHashMap<>();
            java.util.BitSet seen = new java.util.BitSet();
            int rows = Math.min(Math.min(Math.min(pHashes.limit(), dHashes.limit()), Math.min(trimmedPHashes.limit(), trimmedDHashes.limit())),
                    windows.size());
            long[] crops = q.cropPHashes();
            // a caption window whose band is no caption carries the whole copy's hashes: nothing to test (8 popcounts a row)
            int[] captionWindows = java.util.stream.IntStream.range(0, q.windowPHashes().length)
                    .filter(w -> q.windowPHashes()[w] != q.pHash() || q.windowDHashes()[w] != q.dHash()).toArray();
            // the closest rows by their whole hashes (key: closest, then row) and by a crop window (key: distance * 64 +
            // window, then row), the largest key on top
            java.util.PriorityQueue<Long> byWhole = new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
            java.util.PriorityQueue<Long> byCrop = new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
            // the same ranked with the copy moved too: taken instead when nothing pairs with the copy as a whole
            java.util.PriorityQueue<Long> byMovedCrop = new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
            boolean movable = crops.length > 0 && q.movedPHashes().length > 0;
            java.util.PriorityQueue<Long> byTurn = new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
            // a copy whose pHash is noise is ranked by p + d among rows that tie on dHash with it: its source is then kept
            // only by luck, so the closest by dHash alone are kept too (key: dHash distance * 129 + p + d, then row)
            java.util.PriorityQueue<Long> byDHash = new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
            long[] turned = q.turnedPHashes();
            long[] wholeP = {q.pHash(), q.trimmedPHash()}, wholeD = {q.dHash(), q.trimmedDHash()};
            long[] captionP = java.util.Arrays.stream(captionWindows).mapToLong(w -> q.windowPHashes()[w]).toArray();
            long[] captionD = java.util.Arrays.stream(captionWindows).mapToLong(w -> q.windowDHashes()[w]).toArray();
            // a block of rows at a time, each test one flat pass over a column (HammingScan); a row's key is then computed
            // as before, for the rows within a radius only
            Block b = new Block();
            for (int from = 0; from < rows; from += BLOCK) {
                int n = Math.min(BLOCK, rows - from);
                b.scan(this, from, n, wholeP, wholeD, captionP, captionD, crops, q.movedPHashes(), turned);
                for (int i = 0; i < n; i++) {
                    int row = from + i;
                    if (dead.deleted(row)) {
                        continue;
                    }
                    if (b.close(i, maxDistance)) {
                        int closest = closest(row, q);
                        keep(byWhole, (long) closest << 32 | row);
                        int dHash = Math.min(b.d[i], b.td[i]);
                        if (q.noisyPHash() && dHash <= Math.min(maxDistance, Probe.NOISY_DHASH)) {
                            keep(byDHash, (long) (dHash * 129 + closest) << 32 | row);
                        }
                    }
                    // the window's index only for a row that can still be kept (its key is at least distance * 64): rows of
                    // thin strokes on white are within the radius of most others
                    // the posted copy's window key once a row, for both rankings (rows of line art are within the radius of
                    // many copies)
                    int posted = -1;
                    if (crops.length > 0 && b.crop[i] <= Probe.CROP_RADIUS && mayKeep(byCrop, b.crop[i], row, Probe.KEPT + Probe.CROWDED)) {
                        posted = windows.nearest(row, crops);
                        keep(byCrop, (long) posted << 32 | row, Probe.KEPT + Probe.CROWDED);
                    }
                    int moved = b.cropOrMoved(i);
                    if (movable && moved <= Probe.CROP_RADIUS && mayKeep(byMovedCrop, moved, row, Probe.KEPT + Probe.CROWDED)) {
                        int key = nearestWindow(row, q, posted >= 0 ? posted : windows.nearest(row, crops));
                        keep(byMovedCrop, (long) key << 32 | row, Probe.KEPT + Probe.CROWDED);
                    }
                    if (turned.length > 0 && b.turn[i] <= Probe.TURN_RADIUS && mayKeep(byTurn, b.turn[i], row, Probe.KEPT)) {
                        keep(byTurn, (long) windows.nearestAt(row, TurnedWindows.CENTRE, turned) << 32 | row);
                    }
                }
            }
            boolean movedUsed = movable && byWhole.stream().noneMatch(key -> key >>> 32 <= Probe.FOUND_WHOLE);
            Probe seenAs = movedUsed ? q : q.withoutMoved();
            List<Long> byCropClosest = (movedUsed ? byMovedCrop : byCrop).stream().sorted().toList();
            List<Long> cropKept = byCropClosest.subList(0, Math.min(Probe.KEPT, byCropClosest.size()));
            for (java.util.Collection<Long> kept : List.of(byWhole, cropKept, byTurn, byDHash)) {
                for (long key : kept) {
                    add(out, seen, (int) key, seenAs);
                }
            }
            for (long key : byCropClosest.subList(cropKept.size(), byCropClosest.size())) {
                add(crowded, seen, (int) key, seenAs);
            }
            return out;
        }

        /**
         * The live rows whose whole or trimmed pHash lies within {@code radius} of one of {@code windows} (a stored
         * picture's crop windows), the {@code most} closest that {@code skip} lets through, closest first: the pictures
         * that may be cut from that one ({@link StoredCrops}). One pass over the two pHash columns.
         */
        List<InWindow> inWindows(long[] windows, int radius, int most, java.util.function.Predicate<String> skip) {
            int rows = Math.min(pHashes.limit(), trimmedPHashes.limit());
            java.util.PriorityQueue<Long> closest = new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
            int[] p = new int[BLOCK], tp = new int[BLOCK];
            for (int from = 0; from < rows; from += BLOCK) {
                int n = Math.min(BLOCK, rows - from);
                pHashes.closest(from, n, windows, p);
                trimmedPHashes.closest(from, n, windows, tp);
                for (int i = 0; i < n; i++) {
                    int d = Math.min(p[i], tp[i]);
                    if (d <= radius && !dead.deleted(from + i) && (closest.size() < most || ((long) d << 32 | from + i) < closest.peek())
                            && !skip.test(shas.get(from + i))) {
                        keep(closest, (long) d << 32 | from + i, most);
                    }
                }
            }
            return closest.stream().sorted().map(key -> inWindow((int) (long) key, windows)).toList();
        }

        private InWindow inWindow(int row, long[] windows) {
            int best = 64, window = 0;
            for (int w = 0; w < windows.length; w++) {
                int d = Math.min(Long.bitCount(pHashes.hash(row) ^ windows[w]), Long.bitCount(trimmedPHashes.hash(row) ^ windows[w]));
                if (d < best) {
                    best = d;
                    window = w;
                }
            }
            return new InWindow(shas.get(row), best, window, pHashes.hash(row), dHashes.hash(row));
        }

        /** Rows the scan tests a column at a time: one chunk of the crop windows, half of one of the whole hashes. */
        static final int BLOCK = WindowRows.CHUNK_ROWS;

        /** One block's closest distances, per test: whole and trimmed hashes, caption windows, crop windows, turned windows. */
        private static final class Block {
            final int[] p = new int[BLOCK], tp = new int[BLOCK], d = new int[BLOCK], td = new int[BLOCK];
            final int[] captionP = new int[BLOCK], captionTp = new int[BLOCK], captionD = new int[BLOCK], captionTd = new int[BLOCK];
            final int[] crop = new int[BLOCK], moved = new int[BLOCK], turn = new int[BLOCK];
            private boolean captions, movedScanned;

            void scan(Snapshot s, int from, int n, long[] wholeP, long[] wholeD, long[] captionPs, long[] captionDs, long[] crops,
                      long[] movedCrops, long[] turned) {
                s.pHashes.closest(from, n, wholeP, p);
                s.trimmedPHashes.closest(from, n, wholeP, tp);
                s.dHashes.closest(from, n, wholeD, d);
                s.trimmedDHashes.closest(from, n, wholeD, td);
                captions = captionPs.length > 0;
                if (captions) {
                    s.pHashes.closest(from, n, captionPs, captionP);
                    s.trimmedPHashes.closest(from, n, captionPs, captionTp);
                    s.dHashes.closest(from, n, captionDs, captionD);
                    s.trimmedDHashes.closest(from, n, captionDs, captionTd);
                }
                if (crops.length > 0) {
                    s.windows.closest(from, n, crops, crop);
                }
                movedScanned = movedCrops.length > 0;
                if (movedScanned) {
                    s.windows.closest(from, n, movedCrops, moved);
                }
                if (turned.length > 0) {
                    s.windows.closestAt(from, n, TurnedWindows.CENTRE, turned, turn);
                }
            }

            /** Row {@code i}'s crop-window distance as {@link Snapshot#nearestWindow} takes it. */
            int cropOrMoved(int i) {
                return movedScanned ? Math.min(crop[i], moved[i]) : crop[i];
            }

            /** Whether row {@code i} of the block is within the radius by its whole or trimmed hashes, or a caption window. */
            boolean close(int i, int maxDistance) {
                return Math.min(p[i], tp[i]) <= maxDistance || Math.min(d[i], td[i]) <= maxDistance
                        || captions && Math.min(Math.min(captionP[i], captionTp[i]), Math.min(captionD[i], captionTd[i])) <= Probe.WINDOW_RADIUS;
            }
        }

        /** Whether a row at {@code distance} may enter {@code closest}: its key is at least {@code distance * 64}, then the row. */
        private static boolean mayKeep(java.util.PriorityQueue<Long> closest, int distance, int row, int kept) {
            return closest.size() < kept || ((long) distance * 64 << 32 | row) < closest.peek();
        }

        private static void keep(java.util.PriorityQueue<Long> closest, long key) {
            keep(closest, key, Probe.KEPT);
        }

        private static void keep(java.util.PriorityQueue<Long> closest, long key, int kept) {
            if (closest.size() < kept) {
                closest.add(key);
            } else if (key < closest.peek()) {
                closest.poll();
                closest.add(key);
            }
        }

        /** {@link Near#closest} of {@code row}: see {@link #add}. */
        private int closest(int row, Probe q) {
            return pairing(row, q).closest();
        }

        private void add(Map<String, Near> out, java.util.BitSet seen, int row, Probe q) {
            if (seen.get(row) || dead.deleted(row)) {
                return;
            }
            seen.set(row);
            out.put(shas.get(row), nearOf(row, q));
        }

        /**
         * The closest pairing of the probe's hash pairs (whole, trimmed, caption windows) with the row's: {@link Near#closest},
         * {@link Near#closestDHash} and {@link Near#window}. Apart from {@link #nearOf} because the scan ranks every row
         * within the radius by it, and a stroke on white is within the radius of a third of a synthetic 100k gallery: the
         * crop and turned windows computed for each of them too made the slowest lookups' hash search 17-30 ms.
         */
        private record Pairing(int closest, int closestDHash, int window) {
        }

        private Pairing pairing(int row, Probe q) {
            long p = pHashes.hash(row), d = dHashes.hash(row), tp = trimmedPHashes.hash(row), td = trimmedDHashes.hash(row);
            int closest = Math.min(Math.min(dist(q.pHash(), p) + dist(q.dHash(), d), dist(q.trimmedPHash(), tp) + dist(q.trimmedDHash(), td)),
                    Math.min(dist(q.pHash(), tp) + dist(q.dHash(), td), dist(q.trimmedPHash(), p) + dist(q.trimmedDHash(), d)));
            int closestD = Math.min(Math.min(dist(q.dHash(), d), dist(q.trimmedDHash(), td)), Math.min(dist(q.dHash(), td), dist(q.trimmedDHash(), d)));
            int window = Near.WHOLE;
            for (int w = 0; w < q.windowPHashes().length; w++) {
                long wp = q.windowPHashes()[w], wd = q.windowDHashes()[w];
                int c = Math.min(dist(wp, p) + dist(wd, d), dist(wp, tp) + dist(wd, td));
                if (c <= Probe.WINDOW_RADIUS && c + Probe.WINDOW_MARGIN < closest) {
                    closest = c;
                    window = w;
                }
                closestD = Math.min(closestD, Math.min(dist(wd, d), dist(wd, td)));
            }
            return new Pairing(closest, closestD, window);
        }

        private Near nearOf(int row, Probe q) {
            long p = pHashes.hash(row), d = dHashes.hash(row), td = trimmedDHashes.hash(row);
            Pairing pairing = pairing(row, q);
            int crop = nearestWindow(row, q);
            int turn = windows.nearestAt(row, TurnedWindows.CENTRE, q.turnedPHashes());
            Near.Turn turned = q.turnedPHashes().length == 0 ? Near.Turn.NONE : new Near.Turn(turn / 64, turn % 64,
                    Math.min(dist(q.turnedDHashes()[turn % 64], d), dist(q.turnedDHashes()[turn % 64], td)));
            return new Near(dist(q.pHash(), p), dist(q.dHash(), d), pairing.closest(), pairing.closestDHash(), pairing.window(), crop / 64,
                    q.cropPHashes().length == 0 ? Near.WHOLE : crop % 64, turned);
        }

        /**
         * The row's crop window closest to the copy as posted ({@link WindowRows.View#nearest}); beyond {@link
         * Probe#CROP_RADIUS}, to the copy {@link CropWindows#movedPHashes moved} if that is closer. A window within the
         * radius of the copy as posted keeps its place: the pose search starts from that window, and a thin bar or a
         * small icon moved matched a neighbouring window as closely, from which the pose search settled elsewhere (a
         * throwaway trial, seeds 77 and 123: two quarter crops found before were lost).
         */
        private int nearestWindow(int row, Probe q) {
            return nearestWindow(row, q, windows.nearest(row, q.cropPHashes()));
        }

        /** As {@link #nearestWindow(int, Probe)}, given the row's window closest to the copy as posted ({@code posted}). */
        private int nearestWindow(int row, Probe q, int posted) {
            if (q.movedPHashes().length == 0) {
                return posted;
            }
            int moved = windows.nearest(row, q.movedPHashes());
            int window = posted / 64 <= Probe.CROP_RADIUS || moved > posted ? posted % 64 : moved % 64;
            return Math.min(posted / 64, moved / 64) * 64 + window;
        }

        private static int dist(long a, long b) {
            return Long.bitCount(a ^ b);
        }

        private void add(Map<String, int[]> out, int row, long pHash, long dHash) {
            if (!dead.deleted(row)) {
                out.putIfAbsent(shas.get(row), new int[]{
                        Long.bitCount(pHashes.hash(row) ^ pHash), Long.bitCount(dHashes.hash(row) ^ dHash)});
            }
        }
    }
}
