package dev.acgbot.core;

import dev.acgbot.api.adapter.AdapterStartException;
import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.command.CommandSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts chat adapters and keeps trying those whose platform cannot be reached yet (a server booting before
 * its network is up): waits double from {@code initial} up to {@code max}, one log line per attempt. A refused
 * token or another failure is not retried. Other adapters run meanwhile.
 */
final class AdapterSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdapterSupervisor.class);

    private final InboundSink sink;
    private final Supplier<List<CommandSpec>> commands;
    private final Duration initial;
    private final Duration max;
    private final Consumer<String> onProblem;
    private final List<ChatAdapter> running = new CopyOnWriteArrayList<>();
    /** Insertion-ordered by first attempt, so states read in the order adapters were given. */
    private final Map<ChatAdapter, AdapterState> states = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final Map<ChatAdapter, Integer> attempts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "acgbot-adapter-retry");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    AdapterSupervisor(InboundSink sink, Supplier<List<CommandSpec>> commands, Duration initial, Duration max,
                      Consumer<String> onProblem) {
        this.sink = sink;
        this.commands = commands;
        this.initial = initial;
        this.max = max;
        this.onProblem = onProblem;
    }

    /** Tries once on this thread; an unreachable platform is tried again later. Never throws. */
    synchronized AdapterState start(ChatAdapter adapter) {
        if (closed) {
            return new AdapterState(adapter.platform(), AdapterState.Status.FAILED, "the bot is stopping");
        }
        int attempt = attempts.merge(adapter, 1, Integer::sum);
        AdapterState state;
        try {
            adapter.start(sink, commands.get());
            running.add(adapter);
            state = new AdapterState(adapter.platform(), AdapterState.Status.RUNNING, "");
            LOG.info("{} adapter started{}", adapter.platform(), attempt > 1 ? " (attempt " + attempt + ")" : "");
        } catch (Exception e) {
            closeQuietly(adapter);
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            AdapterStartException.Reason reason = e instanceof AdapterStartException s ? s.reason() : AdapterStartException.Reason.OTHER;
            onProblem.accept(adapter.platform() + ": " + problem);
            state = switch (reason) {
                case TOKEN_REFUSED -> {
                    LOG.error("{} adapter did not start: {}", adapter.platform(), problem);
                    yield new AdapterState(adapter.platform(), AdapterState.Status.TOKEN_REFUSED, problem);
                }
                case UNREACHABLE -> {
                    Duration wait = backoff(attempt);
                    LOG.warn("{} adapter could not connect (attempt {}): {}; trying again in {} s", adapter.platform(), attempt,
                            problem, wait.toSeconds() > 0 ? wait.toSeconds() : String.format(java.util.Locale.ROOT, "%.1f", wait.toMillis() / 1000.0));
                    retries.schedule(() -> start(adapter), wait.toMillis(), TimeUnit.MILLISECONDS);
                    yield new AdapterState(adapter.platform(), AdapterState.Status.RETRYING, problem);
                }
                case OTHER -> {
                    LOG.error("{} adapter did not start: {} — the other adapters keep running", adapter.platform(), problem);
                    yield new AdapterState(adapter.platform(), AdapterState.Status.FAILED, problem);
                }
            };
        }
        states.put(adapter, state);
        return state;
    }

    /** initial × 2^(attempt-1), capped at max. */
    Duration backoff(int attempt) {
        Duration wait = initial;
        for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    List<AdapterState> states() {
        synchronized (states) {
            return List.copyOf(states.values());
        }
    }

    private static void closeQuietly(ChatAdapter adapter) {
        try {
            adapter.close();
        } catch (RuntimeException closeFailure) {
            LOG.debug("closing the failed {} adapter: {}", adapter.platform(), closeFailure.toString());
        }
    }

    /** Stops retrying and closes the running adapters: no new commands arrive after this. */
    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        List<ChatAdapter> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(running);
            running.clear();
        }
        for (ChatAdapter adapter : toClose) {
            try {
                adapter.close();
            } catch (RuntimeException e) {
                LOG.warn("{} adapter did not close cleanly: {}", adapter.platform(), e.toString());
            }
        }
    }
}
