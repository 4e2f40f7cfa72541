package dev.acgbot.adapter.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One REST request as the fake received it.
 *
 * @param body  the JSON body, or the multipart {@code payload_json}
 * @param files uploaded files by file name
 */
public record RestCall(String method, String path, String query, JsonNode body, Map<String, byte[]> files, int answeredWith) {

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " " + body
                + (files.isEmpty() ? "" : " files=" + files.keySet()) + " -> " + answeredWith;
    }
}
