package dev.acgbot.bench.jmh;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./acgbot bench jmh [JMH options] [regex]}: the kernel microbenchmarks ({@link DotBench},
 * {@link TopKBench}, {@link ResizeBench}, {@link PreprocessKernelBench}) through JMH's own runner, so every JMH
 * option works ({@code -l} lists, {@code -h} shows JMH's help, {@code -f 1 -wi 3 -i 5}, {@code -rf json -rff FILE}).
 */
@Command(name = "jmh", mixinStandardHelpOptions = true,
        description = {"Kernel microbenchmarks (dot products, top-k scan, resampling, preprocessing) with JMH.",
                "Arguments go to JMH: -l lists, -h shows JMH's options, e.g. `jmh -f 1 -wi 3 -i 5 Dot`."})
public final class JmhCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "JMH-ARG", description = "JMH options and benchmark regexes")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CommandLineOptions options = new CommandLineOptions(args.toArray(String[]::new));
        if (options.shouldHelp()) {
            options.showHelp();
            return 0;
        }
        Runner runner = new Runner(options);
        if (options.shouldList()) {
            runner.list();
            return 0;
        }
        runner.run();
        return 0;
    }
}
