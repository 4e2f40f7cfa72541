package dev.acgbot.core.router;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Arguments;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.AttachmentTooLargeException;
import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.command.RepliedMessage;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.BotMetrics;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.Responder;
import dev.acgbot.core.exec.CommandExecutor;
import dev.acgbot.core.metrics.CommandMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.acgbot.core.limits.RateLimiter;
import dev.acgbot.core.permissions.AuditLog;
import dev.acgbot.core.permissions.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes messages from every adapter, decides whether they are commands for this bot, checks permission
 * and rate limits, binds arguments, and runs the handler on the bounded executor. Every failure ends as
 * a short reply for the user and a log line with the same correlation id for the operator.
 */
public final class Router implements InboundSink, BotMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    /** Telegram sends /start when someone first opens the bot; unless a plugin claims it, it means /help. */
    private static final Map<String, String> ALIASES = Map.of("start", "help");

    private final CommandRegistry registry;
    private final Permissions permissions;
    private final AuditLog audit = new AuditLog();
    private final RateLimiter perUser;
    private final RateLimiter perChat;
    private final boolean exemptAdmins;
    private final CommandExecutor executor;
    private final Duration defaultTimeout;
    private final CommandMeters meters;

    /** With figures kept in a registry of its own (tests). */
    public Router(CommandRegistry registry, Permissions permissions, RateLimiter perUser, RateLimiter perChat,
                  boolean exemptAdmins, CommandExecutor executor, Duration defaultTimeout) {
        this(registry, permissions, perUser, perChat, exemptAdmins, executor, defaultTimeout,
                new CommandMeters(new SimpleMeterRegistry(), executor));
    }

    public Router(CommandRegistry registry, Permissions permissions, RateLimiter perUser, RateLimiter perChat,
                  boolean exemptAdmins, CommandExecutor executor, Duration defaultTimeout, CommandMeters meters) {
        this.meters = meters;
        this.registry = registry;
        this.permissions = permissions;
        this.perUser = perUser;
        this.perChat = perChat;
        this.exemptAdmins = exemptAdmins;
        this.executor = executor;
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public boolean onText(MessageOrigin origin, String text, String botUsername, List<Attachment> attachments,
                          Optional<RepliedMessage> repliedTo, Responder responder) {
        Optional<CommandLine> parsed = CommandLine.parse(text);
        if (parsed.isEmpty() || !parsed.get().isFor(botUsername)) {
            return false;
        }
        CommandLine line = parsed.get();
        Optional<CommandRegistry.Registered> found = find(line.name());
        if (found.isEmpty()) {
            // In a group an unaddressed unknown command may belong to another bot: stay quiet there.
            if (origin.privateChat() || !line.addressedTo().isEmpty()) {
                responder.send(Reply.error("I don't know /" + line.name() + ". Send /help to see what I can do."));
                responder.completed();
                return true;
            }
            return false;
        }
        CommandSpec spec = found.get().command().spec();
        dispatch(origin, found.get().command(), responder, () -> ArgumentBinder.bindText(spec, line.rest(), attachments, repliedTo),
                attachments, repliedTo);
        return true;
    }

    @Override
    public void onCommand(MessageOrigin origin, String command, Map<String, Object> options, List<Attachment> attachments,
                          Optional<RepliedMessage> repliedTo, Responder responder) {
        Optional<CommandRegistry.Registered> found = find(command);
        if (found.isEmpty()) {
            responder.send(Reply.error("I don't know /" + command + ". Send /help to see what I can do."));
            responder.completed();
            return;
        }
        CommandSpec spec = found.get().command().spec();
        dispatch(origin, found.get().command(), responder, () -> ArgumentBinder.bindOptions(spec, options, attachments, repliedTo),
                attachments, repliedTo);
    }

    private Optional<CommandRegistry.Registered> find(String name) {
        return registry.find(name).or(() -> Optional.ofNullable(ALIASES.get(name)).flatMap(registry::find));
    }

    private interface Binding {
        Arguments bind() throws UsageException;
    }

    private void dispatch(MessageOrigin origin, BotCommand command, Responder responder, Binding binding,
                          List<Attachment> attachments, Optional<RepliedMessage> repliedTo) {
        CommandSpec spec = command.spec();
        boolean admin = permissions.isAdmin(origin);
        if (spec.adminOnly() && !admin) {
            audit.refused(origin.platform(), origin.user().id(), origin.user().displayName(), origin.chatId(), spec.name());
            meters.refused(spec.name(), CommandMeters.FORBIDDEN);
            finish(responder, Reply.error("/" + spec.name() + " is for the bot's admins only."));
            return;
        }
        if (!(admin && exemptAdmins)) {
            Duration wait = perUser.acquire(origin.platform() + ":" + origin.user().id());
            if (wait.isZero()) {
                wait = perChat.acquire(origin.platform() + ":" + origin.chatId());
            }
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                LOG.info("rate limited /{} from {}:{} in chat {} for {}s", spec.name(), origin.platform(), origin.user().id(),
                        origin.chatId(), seconds);
                meters.refused(spec.name(), CommandMeters.RATE_LIMITED);
                finish(responder, Reply.error("Slow down a little: try again in " + seconds + " s."));
                return;
            }
        }
        Arguments arguments;
        try {
            arguments = binding.bind();
        } catch (UsageException e) {
            meters.refused(spec.name(), CommandMeters.USAGE);
            finish(responder, Reply.error(e.userMessage()));
            return;
        }
        CommandRequest request = new CommandRequest(origin.platform(), origin.chatId(), origin.user(), spec.name(),
                arguments, attachments, repliedTo, admin, Instant.now());
        String correlationId = CorrelationIds.next();
        if (spec.adminOnly()) {
            audit.allowed(request, correlationId);
        }
        GuardedResponder guarded = new GuardedResponder(responder, correlationId);
        Duration timeout = command.timeout() != null ? command.timeout() : defaultTimeout;
        boolean accepted = executor.submit(() -> run(command, request, guarded, correlationId), timeout, () -> {
            LOG.warn("[{}] /{} timed out after {} s", correlationId, spec.name(), timeout.toSeconds());
            meters.timedOut(spec.name());
            guarded.sendFinal(new Reply.Error("/" + spec.name() + " took too long and was stopped. Please try again later.", correlationId));
            guarded.completed();
        });
        if (!accepted) {
            meters.refused(spec.name(), CommandMeters.BUSY);
            LOG.warn("[{}] /{} refused: all {} workers and the queue are busy", correlationId, spec.name(), executor.running());
            guarded.send(Reply.error("I'm busy right now. Please try again in a moment."));
            guarded.completed();
        }
    }

    private void run(BotCommand command, CommandRequest request, GuardedResponder responder, String correlationId) {
        long started = System.nanoTime();
        String outcome = CommandMeters.ERROR;
        MDC.put("cid", correlationId);
        try {
            command.handler().handle(new Context(request, responder, correlationId));
            outcome = CommandMeters.OK;
        } catch (UserFacingException e) {
            outcome = CommandMeters.USER_ERROR;
            LOG.info("[{}] /{} answered with an error: {}", correlationId, request.command(), e.getMessage());
            responder.send(new Reply.Error(e.getMessage(), ""));
        } catch (AttachmentTooLargeException e) {
            outcome = CommandMeters.USER_ERROR;
            LOG.info("[{}] /{}: {}", correlationId, request.command(), e.getMessage());
            responder.send(Reply.error("That file is too large for me (the limit is " + (e.limit() >> 20) + " MB)."));
        } catch (InterruptedException e) {
            outcome = CommandMeters.INTERRUPTED;
            LOG.info("[{}] /{} was interrupted", correlationId, request.command());
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            LOG.error("[{}] /{} failed for {}:{}", correlationId, request.command(), request.platform(), request.user().id(), t);
            meters.failed(request.command(), correlationId);
            responder.send(new Reply.Error("Something went wrong while running /" + request.command()
                    + ". The operator can look it up with reference " + correlationId + ".", correlationId));
        } finally {
            long nanos = System.nanoTime() - started;
            long millis = nanos / 1_000_000;
            meters.finished(request.command(), outcome, nanos);
            LOG.debug("[{}] /{} finished in {} ms", correlationId, request.command(), millis);
            MDC.remove("cid");
            responder.completed();
        }
    }

    private static void finish(Responder responder, Reply reply) {
        responder.send(reply);
        responder.completed();
    }

    @Override
    public int queueDepth() {
        return executor.queueDepth();
    }

    @Override
    public int running() {
        return executor.running();
    }

    @Override
    public long handled() {
        return meters.handled();
    }

    @Override
    public long rejectedBusy() {
        return meters.rejectedBusy();
    }

    @Override
    public double latencyPercentileMillis(double p) {
        return meters.latencyPercentileMillis(p);
    }

    private record Context(CommandRequest request, Responder responder, String correlationId) implements CommandContext {
    }
}
