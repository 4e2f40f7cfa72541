package dev.acgbot.models.manifest;

import dev.acgbot.models.hash.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The identity of a model's vector space: sha256 over the canonical manifest (layout, names, sizes; not the
 * prose notes) and each file's checksum, so a changed model or a changed pipeline re-embeds instead of
 * mixing two spaces.
 */
public final class ManifestHash {
    private ManifestHash() {
    }

    /**
     * @param fileChecksums sha256 per file name: the manifest's, or one computed from the local file where the
     *                      manifest says unknown; files missing from the map count as "unknown"
     */
    public static String of(ModelManifest manifest, Map<String, String> fileChecksums) {
        MessageDigest sha = Sha256.newDigest();
        sha.update(manifest.canonical().getBytes(StandardCharsets.UTF_8));
        for (ModelFile f : manifest.files()) {
            String sum = f.sha256().orElseGet(() -> fileChecksums.getOrDefault(f.name(), "unknown"));
            sha.update(("\n" + f.name() + "=" + sum).getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(sha);
    }
}
