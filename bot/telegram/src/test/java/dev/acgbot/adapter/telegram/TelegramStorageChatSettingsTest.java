package dev.acgbot.adapter.telegram;

import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.core.config.BotConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code adapters.telegram.storage_chat_id}: off by default, a chat id or a channel name, nothing else. */
class TelegramStorageChatSettingsTest {

    private static TelegramSettings settings(String storage) {
        String yaml = "adapters: {telegram: {token: '123:abc'" + (storage == null ? "" : ", storage_chat_id: '" + storage + "'") + "}}";
        return TelegramSettings.from(BotConfig.parse(yaml, Map.of()).section(TelegramSettings.SECTION));
    }

    @Test
    void inlineUploadsAreOffUnlessAChatIsNamed() {
        assertEquals("", settings(null).storageChatId());
        assertEquals("-1001234567890", settings(" -1001234567890 ").storageChatId());
        assertEquals("@acg_storage", settings("@acg_storage").storageChatId());
    }

    @Test
    void somethingElseIsRefusedWithTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings("my storage chat"));
        assertEquals("adapters.telegram.storage_chat_id", e.key());
    }
}
