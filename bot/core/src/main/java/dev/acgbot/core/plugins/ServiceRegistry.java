package dev.acgbot.core.plugins;

import dev.acgbot.api.plugin.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Shared services by type; closes the closeable ones in reverse order of registration. */
public final class ServiceRegistry implements Services, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistry.class);

    private final Map<Class<?>, Object> services = new LinkedHashMap<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @Override
    public synchronized <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    @Override
    public synchronized <T> T getOrCreate(Class<T> type, Supplier<? extends T> factory) {
        Object existing = services.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        T created = factory.get();
        register(type, created);
        return created;
    }

    @Override
    public synchronized <T> void register(Class<T> type, T instance) {
        if (services.containsKey(type)) {
            throw new IllegalStateException("a " + type.getSimpleName() + " is already registered");
        }
        services.put(type, type.cast(instance));
        if (instance instanceof AutoCloseable c && !closeables.contains(c)) {
            closeables.add(c);
        }
    }

    @Override
    public synchronized void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", closeables.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        closeables.clear();
        services.clear();
    }
}
