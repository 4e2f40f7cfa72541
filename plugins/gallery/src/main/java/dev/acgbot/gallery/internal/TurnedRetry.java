package dev.acgbot.gallery.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pose searched once more on the fine grid, from the whole picture turned a little on a grown canvas (both ways, in
 * both orientations), for the first candidate of a lookup whose edges failed, when no candidate passed. The coarse 16x16
 * grid does not resolve a small turn of a framed, brightened copy: in a diagnosis (border+rotate+bright, `--sample-seed
 * 91`, docs/benchmarks.md "Border+rotate+bright, round 10 second wave") an arrow sign settled unturned (fine grid 0.92,
 * edges 0.74), a drum mirrored and unturned (0.95, edges 0.77; the drum is nearly symmetric) and a flat-theme icon turned
 * but a few per cent too tall (0.93, edges 0.92), where the fine grid found the turned picture at 0.98-0.99 and the edges
 * agreed at 0.98-0.99. From where the search had settled, the fine grid found it only for the arrow.
 */
final class TurnedRetry {
    /**
     * The turns of the starts. From 4° and 6° alone the flat-theme icon settled too tall again (fine grid 0.91-0.93); from
     * 2° alone a tall, thin drawing turned by 4° settled halfway: a spider-hilted sword (287x1005, nearly its own mirror
     * image) framed, turned and brightened fit the fine grid at 0.966 turned by 2° and 3 % off centre, where the edges
     * failed (0.876), and from 4° at 0.996 turned by 4°, where they agree at 0.986 (fresh seed 2718, border+rotate+bright:
     * nothing listed). The best fit of all the starts is taken, so the icon keeps the pose its 2° start finds
     * (TurnedFineRetryGalleryTest; docs/benchmarks.md, "The turned retry from 4° too, round 53").
     */
    private static final double[] START_TURNS = {Math.toRadians(2), Math.toRadians(4)};

    private TurnedRetry() {
    }

    /**
     * The pose to judge the edges at once more: the best of the starts' poses that are turned, neither cropped nor
     * stretched, and fit the copy on the fine grid at least as well as {@code found}; none otherwise. Until round 45 a pose
     * had to fit 0.03 better, another fit rather than a drift; but a framed, turned and brightened katana, ticket and
     * colour-picker icon fit unturned about as well as turned (the katana 0.974), their edges failing unturned (0.91-0.95),
     * and the retry judged none of them (evaluation, line-art border+rotate+bright on fourteen seeds: 489 to 493 of 517
     * first, false duplicates 11 either way). It costs little: at 100k it judged 3 of 300 pictures not stored, 22 ms of
     * CPU in all (docs/benchmarks.md, round 46, "The turned retry brought back"). The best of
     * those, not the best pose if it is one of those: a copy of a picture nearly its own mirror image settles from a
     * mirrored start unturned, and fits there best (seed 200's signal flag Echo turned by 3°: 0.963 unturned and mirrored,
     * 0.961 turned by 4°, where the edges agree at 0.97; the unturned pose took the retry away).
     */
    static Optional<RepostVerifier.Found> pose(RepostVerifier.Query q, RepostSignature candidate, RepostVerifier.Found found) {
        float aspect = candidate.aspect();
        Stream<RepostVerifier.Pose> starts = Stream.of(false, true).flatMap(mirror -> Arrays.stream(START_TURNS).boxed()
                .flatMap(turn -> Stream.of(RepostVerifier.Pose.turnedCanvas(turn, aspect, mirror),
                        RepostVerifier.Pose.turnedCanvas(-turn, aspect, mirror))));
        return starts.map(start -> RepostVerifier.onFine(q, candidate, found.levels(), start))
                .filter(f -> f.ncc() >= found.ncc() && f.best().turned() && !f.best().cropped()
                        && !f.best().stretches(q.signature.aspect(), aspect))
                .max(Comparator.comparingDouble(RepostVerifier.Found::ncc));
    }
}
