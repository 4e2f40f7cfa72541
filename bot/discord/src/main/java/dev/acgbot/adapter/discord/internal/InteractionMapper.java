package dev.acgbot.adapter.discord.internal;

import dev.acgbot.adapterkit.links.LinkFetchRules;
import dev.acgbot.adapterkit.links.SafeLinkFetcher;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.command.RepliedMessage;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.attribute.IAgeRestrictedChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;
import net.dv8tion.jda.api.interactions.commands.context.MessageContextInteraction;
import okhttp3.OkHttpClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Discord interactions into core commands: slash-command options become String, Double or Attachment
 * values; a message context-menu command runs its command on the target message's attachments, then the images
 * its embeds and links point at.
 */
public final class InteractionMapper {
    static final String PLATFORM = "discord";

    private final Optional<Permission> adminPermission;
    private final Set<Long> adminGuildIds;
    private final OkHttpClient http;
    private final Map<String, String> contextMenus;
    private final Set<String> linkCommands;
    private final LinkImages links;

    /**
     * @param adminGuildIds the servers where {@code adminPermission} makes an admin
     * @param http          downloads attachments
     * @param contextMenus  context-menu name to the command it runs ({@link CommandDataFactory#contextMenus})
     */
    public InteractionMapper(Optional<Permission> adminPermission, List<Long> adminGuildIds, OkHttpClient http,
                             Map<String, String> contextMenus) {
        this(adminPermission, adminGuildIds, http, contextMenus, Set.of(), new LinkImages(new SafeLinkFetcher(http, LinkFetchRules.defaults())));
    }

    /**
     * @param linkCommands the commands whose slash command has {@link CommandDataFactory#LINK_OPTION} ({@link CommandDataFactory#linkCommands})
     * @param links        the target message's embeds and links, and the link option's links, as images, fetched safely when read
     */
    public InteractionMapper(Optional<Permission> adminPermission, List<Long> adminGuildIds, OkHttpClient http,
                             Map<String, String> contextMenus, Set<String> linkCommands, LinkImages links) {
        this.adminPermission = adminPermission;
        this.adminGuildIds = Set.copyOf(adminGuildIds);
        this.http = http;
        this.contextMenus = Map.copyOf(contextMenus);
        this.linkCommands = Set.copyOf(linkCommands);
        this.links = links;
    }

    public InboundCommand slash(SlashCommandInteraction interaction) {
        Map<String, Object> options = new LinkedHashMap<>();
        List<Attachment> linked = List.of();
        for (OptionMapping option : interaction.getOptions()) {
            if (option.getName().equals(CommandDataFactory.LINK_OPTION) && linkCommands.contains(interaction.getName())) {
                // the adapter's own option: its links are the command's images, as a message's links are
                linked = links.of(option.getAsString());
                continue;
            }
            Object value = switch (option.getType()) {
                case STRING -> option.getAsString();
                case NUMBER, INTEGER -> option.getAsDouble();
                case ATTACHMENT -> new DiscordAttachment(option.getAsAttachment(), http);
                case BOOLEAN -> String.valueOf(option.getAsBoolean());
                default -> option.getAsString();
            };
            options.put(option.getName(), value);
        }
        return new InboundCommand(origin(interaction), interaction.getName(), options, linked, Optional.empty());
    }

    /**
     * A context-menu command on a message: its images are both the command's own attachments and the
     * replied-to message, so commands that only look at either still find them.
     */
    public Optional<InboundCommand> contextMenu(MessageContextInteraction interaction) {
        String command = contextMenus.get(interaction.getName());
        if (command == null) {
            return Optional.empty();
        }
        Message target = interaction.getTarget();
        List<Attachment> images = new ArrayList<>(target.getAttachments().stream()
                .map(a -> new DiscordAttachment(a, http))
                .filter(DiscordAttachment::isImage)
                .map(Attachment.class::cast)
                .toList());
        images.addAll(links.of(target)); // a pasted link Discord unfurled, or a link in the text
        RepliedMessage replied = new RepliedMessage(target.getId(), target.getContentRaw(), images);
        return Optional.of(new InboundCommand(origin(interaction), command, Map.of(), images, Optional.of(replied)));
    }

    MessageOrigin origin(Interaction interaction) {
        User user = interaction.getUser();
        Member member = interaction.getMember();
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        boolean privateChat = interaction.getChannelType() == ChannelType.PRIVATE;
        String chatId = interaction.getChannel() != null ? interaction.getChannel().getId()
                : String.valueOf(interaction.getChannelIdLong());
        // the user's client language (zh-CN, en-US); Discord sends it with every interaction
        String language = interaction.getUserLocale() == null ? "" : interaction.getUserLocale().getLocale();
        return new MessageOrigin(PLATFORM, chatId, new ChatUser(user.getId(), name, language), privateChat, isPlatformAdmin(interaction),
                ageRestricted(interaction.getChannel()));
    }

    /** The channel's NSFW (age-restricted) flag as Discord sent it; a thread follows its parent channel. */
    static boolean ageRestricted(Channel channel) {
        Channel c = channel instanceof ThreadChannel thread ? thread.getParentChannel() : channel;
        return c instanceof IAgeRestrictedChannel restricted && restricted.isNSFW();
    }

    /**
     * The member's permissions in the channel the command came from, as Discord sent them with the interaction;
     * only in the operator's own servers, since anyone may invite the bot to a server where they hold every permission.
     */
    private boolean isPlatformAdmin(Interaction interaction) {
        Member member = interaction.getMember();
        if (adminPermission.isEmpty() || member == null || !interaction.isFromGuild()
                || interaction.getGuild() == null || !adminGuildIds.contains(interaction.getGuild().getIdLong())) {
            return false;
        }
        try {
            return member.hasPermission(interaction.getGuildChannel(), adminPermission.get());
        } catch (RuntimeException e) {
            return false; // permissions unknown: the core's admin list still applies
        }
    }
}
