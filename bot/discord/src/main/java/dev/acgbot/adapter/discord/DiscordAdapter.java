package dev.acgbot.adapter.discord;

import dev.acgbot.adapter.discord.internal.CommandDataFactory;
import dev.acgbot.adapter.discord.internal.GatewayProxy;
import dev.acgbot.adapter.discord.internal.HttpResources;
import dev.acgbot.adapter.discord.internal.InteractionListener;
import dev.acgbot.adapter.discord.internal.InteractionMapper;
import dev.acgbot.adapter.discord.internal.LinkImages;
import dev.acgbot.adapterkit.links.LinkFetchRules;
import dev.acgbot.adapterkit.links.SafeLinkFetcher;
import dev.acgbot.api.adapter.AdapterStartException;
import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.command.CommandSpec;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Discord adapter (JDA): slash commands and message context-menu commands, registered from the command
 * data globally or per guild, answered through deferred interactions. Asks for no optional intent at all
 * (JDA always subscribes to GUILDS, which guild-scoped registration uses); interactions need none.
 */
public final class DiscordAdapter implements ChatAdapter {
    public static final String PLATFORM = "discord";
    private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

    private final DiscordSettings settings;
    private final LinkFetchRules linkRules;
    private HttpResources resources;
    private JDA jda;

    public DiscordAdapter(DiscordSettings settings) {
        this(settings, LinkFetchRules.defaults());
    }

    /** @param linkRules how embeds and links are fetched: {@link LinkFetchRules#defaults()} but in tests */
    public DiscordAdapter(DiscordSettings settings, LinkFetchRules linkRules) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.linkRules = Objects.requireNonNull(linkRules, "linkRules");
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public synchronized void start(InboundSink sink, List<CommandSpec> commands) throws Exception {
        if (resources != null) {
            throw new IllegalStateException("the Discord adapter is already started");
        }
        resources = new HttpResources();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try {
            JDABuilder builder = JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
                    .setEnableShutdownHook(false)
                    .setHttpClient(resources.client())
                    .setWebsocketFactory(GatewayProxy.websocketFactory(settings.gatewayUrl().orElse(GatewayProxy.DISCORD_GATEWAY)))
                    .addEventListeners(readiness(ready),
                            new InteractionListener(sink, new InteractionMapper(settings.adminPermission(), settings.adminGuildIds(),
                                    resources.client(), CommandDataFactory.contextMenus(commands), CommandDataFactory.linkCommands(commands),
                                    new LinkImages(new SafeLinkFetcher(resources.client(), linkRules))), resources.dispatcher()));
            settings.restBaseUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
            settings.gatewayUrl().ifPresent(url -> builder
                    .setSessionController(new FixedGatewaySessionController(url))
                    // a custom gateway (a local test server) is spoken to uncompressed
                    .setCompression(Compression.NONE));
            jda = builder.build();
            ready.get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            log.info("Discord: connected as {} ({} guilds)", jda.getSelfUser().getName(), jda.getGuilds().size());
            if (settings.registerCommands()) {
                register(CommandDataFactory.build(commands, settings.contextMenus(), settings.adminPermission()));
            }
        } catch (Exception e) {
            DiscordStartException failure = startFailure(e);
            close();
            throw failure;
        }
    }

    private static ListenerAdapter readiness(CompletableFuture<Void> ready) {
        return new ListenerAdapter() {
            @Override
            public void onReady(ReadyEvent event) {
                ready.complete(null);
            }

            @Override
            public void onShutdown(ShutdownEvent event) {
                ready.completeExceptionally(new IllegalStateException("the gateway closed the connection (code "
                        + event.getCode() + (event.getCloseCode() != null ? ", " + event.getCloseCode().getMeaning() : "") + ")"));
            }
        };
    }

    private void register(List<CommandData> data) {
        if (settings.guildIds().isEmpty()) {
            jda.updateCommands().addCommands(data).complete();
            log.info("Discord: {} commands registered globally (clients may take a while to show changes)", data.size());
            return;
        }
        for (long guildId : settings.guildIds()) {
            Guild guild = jda.getGuildById(guildId);
            if (guild == null) {
                throw new IllegalStateException("the bot is not a member of guild " + Long.toUnsignedString(guildId)
                        + " (adapters.discord.guild_ids): invite it with the bot and applications.commands scopes");
            }
            guild.updateCommands().addCommands(data).complete();
            log.info("Discord: {} commands registered in guild {}", data.size(), guild.getName());
        }
    }

    private DiscordStartException startFailure(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String message;
        AdapterStartException.Reason reason = AdapterStartException.Reason.OTHER;
        if (cause instanceof InvalidTokenException) {
            message = "Discord rejected the bot token (check adapters.discord.token or DISCORD_TOKEN)";
            reason = AdapterStartException.Reason.TOKEN_REFUSED;
        } else if (cause instanceof TimeoutException) {
            message = "Discord gateway did not become ready within " + settings.readyTimeout().toSeconds() + " s";
            reason = AdapterStartException.Reason.UNREACHABLE;
        } else if (networkFailure(cause) != null) {
            message = "Discord adapter could not reach " + settings.restBaseUrl().orElse("discord.com") + ": "
                    + describe(networkFailure(cause));
            reason = AdapterStartException.Reason.UNREACHABLE;
        } else {
            message = "Discord adapter could not start: " + describe(cause);
        }
        return new DiscordStartException(reason, message.replace(settings.token(), "<redacted-token>"));
    }

    /** The first I/O failure in the cause chain (JDA wraps it, and appends a context exception below it). */
    private static IOException networkFailure(Throwable t) {
        for (int i = 0; t != null && i < 10; i++, t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** Class and message of the exception and its causes, for a one-line report. */
    private static String describe(Throwable error) {
        StringBuilder sb = new StringBuilder();
        Throwable t = error;
        for (int depth = 0; t != null && depth < 4; depth++) {
            if (t.getClass().getSimpleName().equals("ContextException")) {
                break; // JDA's marker for where a request was queued: no news for the operator
            }
            if (!sb.isEmpty()) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        if (jda != null) {
            jda.shutdown();
            try {
                if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
                    jda.shutdownNow();
                    jda.awaitShutdown(Duration.ofSeconds(5));
                }
            } catch (InterruptedException e) {
                jda.shutdownNow();
                Thread.currentThread().interrupt();
            }
            jda = null;
        }
        if (resources != null) {
            resources.close();
            resources = null;
        }
    }

    /** Points JDA at a fixed gateway URL instead of Discord's (used with a local test gateway). */
    private static final class FixedGatewaySessionController extends SessionControllerAdapter {
        private final String url;

        FixedGatewaySessionController(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            return new ShardedGateway(url, 1, 1);
        }
    }
}
