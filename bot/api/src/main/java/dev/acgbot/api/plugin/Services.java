package dev.acgbot.api.plugin;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A small registry of shared services keyed by type, so that two plugins use one model runtime or one
 * gallery index instead of opening their own.
 */
public interface Services {

    <T> Optional<T> find(Class<T> type);

    /** Returns the registered instance, creating and registering it on first use. */
    <T> T getOrCreate(Class<T> type, Supplier<? extends T> factory);

    /** Registers an instance; {@link AutoCloseable} ones are closed at shutdown, in reverse order. */
    <T> void register(Class<T> type, T instance);
}
