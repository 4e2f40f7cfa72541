package dev.acgbot.core.plugins;

import dev.acgbot.api.plugin.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Step one of loading: finds plugins on the class path and in the jars of a plugins directory, each jar in
 * a class loader of its own (parent: the application's, so plugins share the API types). A jar that fails
 * to load is reported and skipped.
 */
public final class PluginDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(PluginDiscovery.class);

    private final List<URLClassLoader> loaders = new ArrayList<>();

    public List<PluginSource> fromClassPath(ClassLoader loader) {
        List<PluginSource> found = new ArrayList<>();
        ServiceLoader.load(Plugin.class, loader).stream().forEach(provider -> {
            try {
                found.add(new PluginSource(provider.get(), Optional.empty()));
            } catch (ServiceConfigurationError e) {
                LOG.error("plugin {} could not be created: {}", provider.type().getName(), e.getMessage());
            }
        });
        return found;
    }

    public List<PluginSource> fromDirectory(Path dir, ClassLoader parent) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            LOG.error("cannot list plugins directory {}: {}", dir, e.getMessage());
            return List.of();
        }
        List<PluginSource> found = new ArrayList<>();
        for (Path jar : jars) {
            found.addAll(fromJar(jar, parent));
        }
        return found;
    }

    private List<PluginSource> fromJar(Path jar, ClassLoader parent) {
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin-" + jar.getFileName(), new URL[]{jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            LOG.error("cannot open plugin jar {}: {}", jar, e.getMessage());
            return List.of();
        }
        loaders.add(loader);
        List<PluginSource> found = new ArrayList<>();
        try {
            ServiceLoader.load(Plugin.class, loader).stream()
                    // the parent's plugins are visible through delegation; keep only this jar's own
                    .filter(provider -> provider.type().getClassLoader() == loader)
                    .forEach(provider -> found.add(new PluginSource(provider.get(), Optional.of(jar))));
        } catch (ServiceConfigurationError | LinkageError e) {
            LOG.error("plugin jar {} could not be loaded: {}", jar.getFileName(), e.getMessage());
        }
        if (found.isEmpty()) {
            LOG.warn("plugin jar {} declares no plugin (META-INF/services/{} missing?)", jar.getFileName(), Plugin.class.getName());
        }
        return found;
    }

    /** Closes the jar class loaders; call after the plugins stopped. */
    public void closeLoaders() {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.debug("closing {} failed: {}", loader.getName(), e.toString());
            }
        }
        loaders.clear();
    }
}
