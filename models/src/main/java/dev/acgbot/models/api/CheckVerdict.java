package dev.acgbot.models.api;

import java.time.Instant;
import java.util.List;

/**
 * What {@code models check} found for one model.
 *
 * @param modelId      the model
 * @param manifestHash the manifest's hash without file checksums when it was checked: a verdict about another
 *                     pipeline (the manifest was edited since) no longer applies
 * @param passed       every probe passed
 * @param findings     one line per probe, each starting with {@code ok}, {@code note} or {@code FAIL}
 * @param checkedAt    when
 */
public record CheckVerdict(String modelId, String manifestHash, boolean passed, List<String> findings,
                           Instant checkedAt) {

    public CheckVerdict {
        findings = List.copyOf(findings);
    }

    /** The first failing finding, or the first line when none failed. */
    public String reason() {
        return findings.stream().filter(f -> f.startsWith("FAIL")).findFirst()
                .orElse(findings.isEmpty() ? "" : findings.get(0));
    }
}
