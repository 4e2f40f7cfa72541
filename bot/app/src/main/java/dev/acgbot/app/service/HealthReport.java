package dev.acgbot.app.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.core.AdapterState;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What /healthz reports. Healthy means: at least one adapter serves and none has a refused token. The store
 * and the models are reported, not judged: a bot answering /tag with "the model is not installed" is up.
 *
 * @param adapters  every adapter and its status
 * @param store     "open", "not opened yet" (the gallery opens on first use) or "none" (no gallery plugin)
 * @param models    model id → device it runs on, or "not installed"
 * @param lastError the most recent failure (time and what), if any
 */
public record HealthReport(List<AdapterState> adapters, String store, Map<String, String> models, Optional<String> lastError) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean healthy() {
        return adapters.stream().anyMatch(AdapterState::running)
                && adapters.stream().noneMatch(a -> a.status() == AdapterState.Status.TOKEN_REFUSED);
    }

    public String toJson() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", healthy() ? "ok" : "unavailable");
        body.put("adapters", adapters.stream().map(a -> Map.of("platform", a.platform(),
                "status", a.status().name().toLowerCase(java.util.Locale.ROOT), "problem", a.problem())).toList());
        body.put("store", store);
        body.put("models", models);
        body.put("last_error", lastError.orElse(null));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
