package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.command.OptionSpec;
import dev.acgbot.api.i18n.Language;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandDataFactoryTest {
    private static final CommandSpec TAG = CommandSpec.builder("tag", "Tag an image")
            .number("threshold", "minimum score", 0, 1)
            .attachment("image", "the image to tag", true)
            .usesRepliedImages().contextMenu("Tag image").build();
    private static final CommandSpec SEARCH = CommandSpec.builder("search", "")
            .text("query", "what to look for", true)
            .choice("mode", "how to rank", false, "fast", "exact").build();

    @Test
    void descriptionsCarryTheirChineseAndJapaneseLocalisations() {
        OptionSpec k = new OptionSpec("k", "how many images", dev.acgbot.api.command.OptionType.NUMBER, false, false,
                List.of(), 1, 20, "6", Map.of(Language.ZH, "返回多少张图片", Language.JA, "画像を何枚出すか"));
        CommandSpec search = new CommandSpec("search", "Find gallery art", List.of(k), false, false, List.of(), "", List.of(),
                Map.of(Language.ZH, "用文字搜索图库", Language.JA, "文章でギャラリーのイラストを探します"));
        DataObject data = CommandDataFactory.slash(search).toData();
        assertEquals("Find gallery art", data.getString("description"));
        assertEquals(Map.of("zh-CN", "用文字搜索图库", "ja", "文章でギャラリーのイラストを探します"),
                data.getObject("description_localizations").toMap());
        assertEquals(Map.of("zh-CN", "返回多少张图片", "ja", "画像を何枚出すか"),
                data.getArray("options").getObject(0).getObject("description_localizations").toMap());
        assertTrue(CommandDataFactory.slash(SEARCH).toData().getObject("description_localizations").keys().isEmpty(),
                "a spec without translations sends none");
    }

    @Test
    void optionsMapToNativeTypesWithRequiredOnesFirst() {
        DataObject tag = CommandDataFactory.slash(TAG).toData();
        assertEquals("tag", tag.getString("name"));
        DataArray options = tag.getArray("options");
        assertEquals("image", options.getObject(0).getString("name"), "Discord wants required options first");
        assertEquals(11, options.getObject(0).getInt("type"), "ATTACHMENT");
        assertTrue(options.getObject(0).getBoolean("required"));
        DataObject threshold = options.getObject(1);
        assertEquals(10, threshold.getInt("type"), "NUMBER");
        assertEquals(0.0, threshold.getDouble("min_value"));
        assertEquals(1.0, threshold.getDouble("max_value"));
    }

    @Test
    void aCommandThatTakesImagesGetsAnOptionalLinkOptionLastInEveryLanguage() {
        DataArray options = CommandDataFactory.slash(TAG).toData().getArray("options");
        DataObject link = options.getObject(options.length() - 1);
        assertEquals("link 3 false or a link to the image (http or https), instead of a file",
                link.getString("name") + " " + link.getInt("type") + " " + link.getBoolean("required") + " " + link.getString("description"));
        assertEquals(Map.of("zh-CN", "或图片链接（http 或 https），代替上传文件", "ja", "またはファイルの代わりに画像へのリンク（http か https）"),
                link.getObject("description_localizations").toMap());
        assertEquals(java.util.Set.of("tag"), CommandDataFactory.linkCommands(List.of(TAG, SEARCH)), "/search takes no image");
        CommandSpec ownLink = CommandSpec.builder("fetch", "Fetches").attachment("image", "the image", false)
                .string("link", "its own link option", false).build();
        assertEquals(java.util.Set.of(), CommandDataFactory.linkCommands(List.of(ownLink)), "a command's own link option stays its own");
        assertEquals(2, CommandDataFactory.slash(ownLink).toData().getArray("options").length());
    }

    @Test
    void adminCommandsAreHiddenFromMembersWithoutTheAdminPermission() {
        CommandSpec reindex = CommandSpec.builder("reindex", "Rebuild the index").adminOnly().build();
        List<CommandData> withPermission = CommandDataFactory.build(List.of(reindex, SEARCH), false, Optional.of(Permission.MANAGE_SERVER));
        assertEquals(String.valueOf(Permission.MANAGE_SERVER.getRawValue()),
                withPermission.get(0).toData().getString("default_member_permissions"));
        assertTrue(withPermission.get(1).toData().isNull("default_member_permissions"), "everyone sees /search");
        List<CommandData> without = CommandDataFactory.build(List.of(reindex), false, Optional.empty());
        assertEquals("0", without.get(0).toData().getString("default_member_permissions"), "only server administrators");
    }

    @Test
    void stringOptionsKeepTheirChoicesAndABlankDescriptionFallsBackToTheName() {
        DataObject search = CommandDataFactory.slash(SEARCH).toData();
        assertEquals("search", search.getString("description"));
        DataArray options = search.getArray("options");
        assertEquals(3, options.getObject(0).getInt("type"), "STRING");
        DataArray choices = options.getObject(1).getArray("choices");
        assertEquals(2, choices.length());
        assertEquals("exact", choices.getObject(1).getString("value"));
    }

    @Test
    void aContextMenuCarriesItsChineseNameAndKeepsTheEnglishOneItIsRoutedBy() {
        CommandSpec tag = new CommandSpec("tag", "Tag an image", List.of(), false, true, List.of(), "Tag image", List.of(),
                Map.of(), Map.of(Language.EN, "Tag image", Language.ZH, "标注图片"));
        DataObject menu = CommandDataFactory.build(List.of(tag), true, Optional.empty()).get(1).toData();
        assertEquals("Tag image", menu.getString("name"));
        assertEquals("标注图片", menu.getObject("name_localizations").getString("zh-CN"));
        assertEquals(Map.of("Tag image", "tag"), CommandDataFactory.contextMenus(List.of(tag)));
        assertTrue(CommandDataFactory.build(List.of(TAG), true, Optional.empty()).get(1).toData()
                .getObject("name_localizations").keys().isEmpty(), "a spec without translations sends none");
    }

    @Test
    void contextMenusComeFromTheSpecsThatNameOne() {
        List<CommandData> all = CommandDataFactory.build(List.of(TAG, SEARCH), true, Optional.empty());
        assertEquals(List.of("tag", "search", "Tag image"), all.stream().map(CommandData::getName).toList());
        assertEquals(Command.Type.MESSAGE, all.get(2).getType());
        assertFalse(CommandDataFactory.build(List.of(TAG, SEARCH), false, Optional.empty()).stream()
                .anyMatch(c -> c.getType() == Command.Type.MESSAGE));
        CommandSpec similar = CommandSpec.builder("similar", "Find similar").contextMenu("Find similar").build();
        assertEquals(List.of("Find similar", "Tag image"), CommandDataFactory.build(List.of(similar, TAG), true, Optional.empty()).stream()
                .filter(c -> c.getType() == Command.Type.MESSAGE).map(CommandData::getName).toList());
    }
}
