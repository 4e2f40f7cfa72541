package dev.acgbot.adapter.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One Bot API request as the fake server received it.
 *
 * @param method the Bot API method
 * @param params the JSON body, or the multipart text fields (JSON-valued ones parsed)
 * @param files  uploaded files by part name
 * @param answeredWith the HTTP status the fake answered
 */
public record ApiCall(String method, JsonNode params, Map<String, Upload> files, int answeredWith, long atNanos) {

    /** An uploaded file. */
    public record Upload(String fileName, byte[] bytes) {
    }

    public String param(String name) {
        JsonNode node = params.get(name);
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    @Override
    public String toString() {
        return method + " " + params + (files.isEmpty() ? "" : " files=" + files.keySet()) + " -> " + answeredWith;
    }
}
