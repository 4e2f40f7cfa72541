package dev.acgbot.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Binds one section of the parsed file to its record with Jackson: the defaults record is written out as a
 * tree, the operator's keys are laid over it, and the result is read back strictly (unknown keys, wrong types
 * and floats for whole numbers are errors). Binding errors become one {@link ConfigException}
 * naming the full key ({@link ConfigErrors}).
 */
final class ConfigBinder {
    private final ObjectMapper mapper;

    /** @param baseDir what relative paths in the file resolve against: the config file's directory */
    ConfigBinder(Path baseDir) {
        this.mapper = YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // a key written twice is a mistake (the second would silently win)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(ValueCodecs.module(baseDir))
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * @param userNode the operator's keys for this section, or null when the file has none
     */
    <T> T bind(SettingsSection<T> section, JsonNode userNode) {
        JsonNode merged = overlay(mapper.valueToTree(section.defaults()), userNode);
        try {
            return mapper.treeToValue(merged, section.type());
        } catch (JsonMappingException e) {
            throw ConfigErrors.translate(section.key(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(section.key(), e.getOriginalMessage());
        }
    }

    /** The operator's keys over the defaults: sections merge key by key, anything else replaces; a blank value keeps the default. */
    static JsonNode overlay(JsonNode defaults, JsonNode user) {
        if (user == null || user.isNull() || user.isMissingNode()) {
            return defaults;
        }
        if (!(defaults instanceof ObjectNode base) || !user.isObject()) {
            return user;
        }
        ObjectNode out = base.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = user.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                continue;
            }
            JsonNode current = out.get(field.getKey());
            out.set(field.getKey(), current == null ? field.getValue() : overlay(current, field.getValue()));
        }
        return out;
    }
}
