package dev.acgbot.models.fetch;

import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelFile;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.ModelPaths;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The logic behind {@code acgbot models list | fetch [id] | verify [id]}; the CLI only parses arguments and
 * calls these. Each returns a process exit code: 0 when everything asked for is usable, 1 otherwise, 2 for an
 * unknown model id.
 */
public final class ModelCommands {
    /** What {@code models fetch} with no id installs: the models {@code /tag}, {@code /similar} and {@code /search} use by default. */
    public static final List<String> DEFAULT_SET = List.of("wd-vit-tagger-v3", "cn-clip-vit-b-16-image", "cn-clip-vit-b-16-text");

    private final ManifestRegistry registry;
    private final ModelPaths paths;
    private final ModelFetcher fetcher;
    private final PrintStream out;
    private final List<String> defaultSet;

    public ModelCommands(ManifestRegistry registry, ModelPaths paths, PrintStream out) {
        this(registry, paths, new ModelFetcher(paths, out), out, DEFAULT_SET);
    }

    /**
     * @param defaultSet the model ids {@code fetch} installs when given no id (the configured tagger and CLIP pair)
     */
    public ModelCommands(ManifestRegistry registry, ModelPaths paths, ModelFetcher fetcher, PrintStream out,
                         List<String> defaultSet) {
        this.registry = registry;
        this.paths = paths;
        this.fetcher = fetcher;
        this.out = out;
        this.defaultSet = List.copyOf(defaultSet);
    }

    /** One line per model: id, task, download size, state of its files, description; then where files go. */
    public int list() {
        out.printf(Locale.ROOT, "%-44s %-10s %10s %-11s %s%n", "MODEL", "TASK", "SIZE", "FILES", "DESCRIPTION");
        for (ModelManifest m : registry.all()) {
            out.printf(Locale.ROOT, "%-44s %-10s %10s %-11s %s%n", m.id(), m.task().manifestName(),
                    Sizes.describe(m.files()), summary(m), m.description());
        }
        out.println("models directory: " + paths.modelsDir() + "  (~ = size as the hub lists it, rounded; ? = not known before the first fetch)");
        return 0;
    }

    /**
     * Fetches one model, or the default set when {@code id} is empty (saying the total size first). Offline,
     * every file still to fetch is listed with its pinned URL and where to put it.
     */
    public int fetch(Optional<String> id) {
        List<ModelManifest> models = new ArrayList<>();
        if (id.isPresent()) {
            Optional<ModelManifest> m = registry.find(id.get());
            if (m.isEmpty()) {
                return unknown(id.get());
            }
            models.add(m.get());
        } else {
            for (String d : defaultSet) {
                Optional<ModelManifest> m = registry.find(d);
                if (m.isEmpty()) {
                    return unknown(d);
                }
                models.add(m.get());
            }
            List<ModelFile> all = models.stream().flatMap(m -> m.files().stream()).toList();
            out.println("default models for /tag, /similar and /search: " + String.join(", ", defaultSet)
                    + " — " + Sizes.describe(all) + " in " + all.size() + " files");
        }
        int rc = 0;
        for (int i = 0; i < models.size(); i++) {
            ModelManifest m = models.get(i);
            out.println("fetching " + m.id() + " into " + paths.modelDir(m));
            m.files().stream().filter(f -> !f.pinned()).forEach(f -> out.println("  note: " + f.name()
                    + " comes from a URL not pinned to a revision; the sha256 recorded at this fetch pins it"));
            try {
                report(fetcher.fetch(m));
            } catch (FetchException e) {
                out.println(e.getMessage());
                rc = 1;
                if (e.offline()) {
                    for (ModelManifest rest : models.subList(i + 1, models.size())) {
                        List<ModelFile> missing = fetcher.verify(rest).stream().filter(s -> !s.state().usable())
                                .map(FileStatus::file).toList();
                        if (!missing.isEmpty()) {
                            out.println("model " + rest.id() + ": place these files by hand:"
                                    + PlacementAdvice.forFiles(rest, paths, missing));
                        }
                    }
                    break; // every other model would fail the same way; the messages say what to do
                }
            }
        }
        return rc;
    }

    /** Checks presence, size and sha256 of one model's files, or of every model's. */
    public int verify(Optional<String> id) {
        if (id.isPresent() && registry.find(id.get()).isEmpty()) {
            return unknown(id.get());
        }
        int rc = 0;
        for (ModelManifest m : id.map(i -> List.of(registry.find(i).orElseThrow())).orElseGet(registry::all)) {
            out.println(m.id() + ":");
            if (!report(fetcher.verify(m))) {
                rc = 1;
            }
        }
        return rc;
    }

    /** A typo must not start a download of something else: the command line makes this one line on stderr, exit 2. */
    private int unknown(String id) {
        throw new IllegalArgumentException("unknown model '" + id + "'; `acgbot models list` shows the " + registry.all().size() + " known models");
    }

    private boolean report(List<FileStatus> statuses) {
        boolean ok = true;
        for (FileStatus s : statuses) {
            String mark = switch (s.state()) {
                case OK -> "ok  ";
                case UNVERIFIED -> "warn";
                default -> "FAIL";
            };
            out.println("  " + mark + " " + s.path() + ": " + s.detail());
            ok &= s.state().usable();
        }
        return ok;
    }

    private String summary(ModelManifest m) {
        List<FileStatus> st = fetcher.verify(m);
        long usable = st.stream().filter(s -> s.state().usable()).count();
        return usable == st.size() ? "installed" : usable == 0 ? "not fetched" : usable + "/" + st.size() + " present";
    }
}
