package dev.acgbot.models.manifest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every known model manifest: the built-ins shipped as classpath resources
 * ({@code dev/acgbot/models/manifests/*.yaml}, listed in {@code index.txt}), then each user directory in order;
 * a later manifest with the same id replaces an earlier one, so users can override a built-in or add models
 * without code.
 */
public final class ManifestRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ManifestRegistry.class);
    static final String BUILT_IN_DIR = "dev/acgbot/models/manifests/";

    private final Map<String, ModelManifest> byId;

    private ManifestRegistry(Map<String, ModelManifest> byId) {
        this.byId = byId;
    }

    /** Built-ins plus every {@code *.yaml}/{@code *.yml} in the given directories (missing ones are skipped). */
    public static ManifestRegistry load(List<Path> userDirs) {
        Map<String, ModelManifest> map = new LinkedHashMap<>();
        for (ModelManifest m : builtIns()) {
            map.put(m.id(), m);
        }
        for (Path dir : userDirs) {
            for (ModelManifest m : readDirectory(dir)) {
                ModelManifest old = map.put(m.id(), m);
                if (old != null) {
                    LOG.info("model {}: manifest {} overrides {}", m.id(), m.origin(), old.origin());
                }
            }
        }
        return new ManifestRegistry(map);
    }

    /** Only the given manifests (tests, tools). */
    public static ManifestRegistry of(Collection<ModelManifest> manifests) {
        Map<String, ModelManifest> map = new LinkedHashMap<>();
        manifests.forEach(m -> map.put(m.id(), m));
        return new ManifestRegistry(map);
    }

    public static List<ModelManifest> builtIns() {
        List<ModelManifest> list = new ArrayList<>();
        for (String name : resource(BUILT_IN_DIR + "index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            list.add(ManifestParser.parse(resource(BUILT_IN_DIR + name), "classpath:" + BUILT_IN_DIR + name, Optional.empty()));
        }
        return list;
    }

    /** Reads one manifest file; its directory anchors relative file paths. */
    public static ModelManifest readFile(Path file) {
        try {
            Path abs = file.toAbsolutePath().normalize();
            return ManifestParser.parse(Files.readString(abs), abs.toString(), Optional.of(abs.getParent()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file, e);
        }
    }

    public static List<ModelManifest> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted()
                    .map(ManifestRegistry::readFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list manifests in " + dir, e);
        }
    }

    public List<ModelManifest> all() {
        return List.copyOf(byId.values());
    }

    public Optional<ModelManifest> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    static String resource(String name) {
        try (InputStream in = ManifestRegistry.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
