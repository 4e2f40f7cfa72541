package dev.acgbot.bench.cli;

/**
 * Something a benchmark needs is not on this machine (a Python module, a data set). Benchmarks never install
 * anything: the message says what to install and how, {@link BenchMain} prints it as one line and exits 2.
 */
public final class MissingPrerequisite extends RuntimeException {
    public MissingPrerequisite(String message) {
        super(message, null, false, false);
    }
}
