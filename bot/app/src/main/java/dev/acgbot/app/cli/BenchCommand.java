package dev.acgbot.app.cli;

import dev.acgbot.gallery.bench.DuplicateEval;
import dev.acgbot.gallery.bench.IndexBench;
import dev.acgbot.models.bench.InferenceBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code acgbot bench inference | index | duplicates [options]}: benchmarks that print a table and write JSON.
 * Options go to the benchmark as they are ({@code --quick}, {@code --json FILE}, ...).
 */
@Command(name = "bench", description = "Benchmarks: each prints a table and can write JSON (--json FILE).",
        subcommands = {BenchCommand.Inference.class, BenchCommand.Index.class, BenchCommand.Duplicates.class})
public final class BenchCommand implements Callable<Integer> {

    /** A mistyped option is one line, not a stack trace. */
    static int guarded(String name, Callable<Integer> bench) throws Exception {
        try {
            return bench.call();
        } catch (IllegalArgumentException e) {
            System.err.println("acgbot bench " + name + ": " + e.getMessage());
            return 2;
        }
    }

    @Override
    public Integer call() {
        System.out.println("Choose a benchmark: inference, index or duplicates (e.g. ./acgbot bench index --quick).");
        return 2;
    }

    @Command(name = "inference", description = "Preprocessing throughput and DJL vs ONNX Runtime latency on random-weight stand-ins.")
    static final class Inference implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "OPTION", description = "--quick, --json FILE, --device D, --batches 1,8,32, ...")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return guarded("inference", () -> InferenceBench.run(args.toArray(String[]::new), System.out));
        }
    }

    @Command(name = "index", description = "Exact and graph vector search against faiss on the same vectors.")
    static final class Index implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "OPTION", description = "--quick (100k), --json FILE, ...")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return guarded("index", () -> IndexBench.run(args.toArray(String[]::new), System.out));
        }
    }

    @Command(name = "duplicates", description = "Perceptual-hash duplicate recall on openclipart + gnome backgrounds.")
    static final class Duplicates implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "OPTION", description = "see the benchmark's own help")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return guarded("duplicates", () -> DuplicateEval.run(args.toArray(String[]::new), System.out));
        }
    }
}
