package dev.acgbot.commands.tag;

import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.commands.settings.VisionSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContextMenuNamesTest {

    @Test
    void theTagImageMenuHasAChineseNameAndKeepsTheEnglishOneAsItsId() {
        CommandSpec spec = new TagCommand(VisionSettings.DEFAULTS.tag(), null, null, null, null, null).command().spec();
        assertEquals("Tag image", spec.contextMenu());
        assertEquals("Tag image", spec.contextMenu(Language.EN));
        assertEquals("标注图片", spec.contextMenu(Language.ZH));
    }
}
