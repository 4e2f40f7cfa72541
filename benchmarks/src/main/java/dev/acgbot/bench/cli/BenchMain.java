package dev.acgbot.bench.cli;

import dev.acgbot.bench.gallery.DuplicateEval;
import dev.acgbot.bench.gallery.StoredRepostsEval;
import dev.acgbot.bench.gallery.IndexBench;
import dev.acgbot.bench.gallery.SimilarEval;
import dev.acgbot.bench.gallery.StartupBench;
import dev.acgbot.bench.gallery.StoreBench;
import dev.acgbot.bench.inference.InferenceBench;
import dev.acgbot.bench.jmh.JmhCommand;
import dev.acgbot.bench.memory.MemoryBench;
import dev.acgbot.bench.memory.WholeBotBench;
import dev.acgbot.bench.preprocess.PreprocessBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code ./acgbot bench ...}: the benchmarks jar's command line (target/acgbot-bench.jar, never part of the bot's
 * jar). Each end-to-end benchmark prints a table and can write JSON; {@code jmh} runs the kernel microbenchmarks.
 * A missing prerequisite or a bad option value is one line on stderr and exit 2; nothing is ever installed.
 */
@Command(name = "acgbot bench", mixinStandardHelpOptions = true,
        description = "Benchmarks and evaluations (not part of the bot). Each prints a table; most write JSON with --json FILE.",
        subcommands = {InferenceBench.class, MemoryBench.class, IndexBench.class, DuplicateEval.class, StoredRepostsEval.class, SimilarEval.class, StoreBench.class, StartupBench.class,
                WholeBotBench.class,
                PreprocessBench.class, JmhCommand.class, CommandLine.HelpCommand.class})
public final class BenchMain implements Callable<Integer> {

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return 2;
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new BenchMain());
        // JMH's own options (-f 1, -wi 3, a regex) pass through `jmh` untouched
        cli.getSubcommands().get("jmh").setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof MissingPrerequisite || e instanceof IllegalArgumentException) {
                commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
