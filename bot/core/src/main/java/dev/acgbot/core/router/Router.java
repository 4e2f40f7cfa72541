package dev.acgbot.core.router;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Arguments;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.AttachmentDownloadException;
import dev.acgbot.api.command.AttachmentTooLargeException;
import dev.acgbot.api.config.DataSize;
import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.command.ImageUnavailableException;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.command.RepliedMessage;
import dev.acgbot.api.inline.InlineQuery;
import dev.acgbot.api.inline.InlineResponder;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.BotMetrics;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.Responder;
import dev.acgbot.api.text.ByteSizes;
import dev.acgbot.api.text.LogText;
import dev.acgbot.core.exec.CommandExecutor;
import dev.acgbot.core.i18n.ChatLanguages;
import dev.acgbot.core.i18n.CoreMessages;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.core.metrics.CommandMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.acgbot.core.limits.RateLimiter;
import dev.acgbot.core.permissions.AuditLog;
import dev.acgbot.core.permissions.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes messages from every adapter, decides whether they are commands for this bot, checks permission
 * and rate limits, binds arguments, and runs the handler on the bounded executor. Every failure ends as
 * a short reply for the user and a log line with the same correlation id for the operator. Nothing here sends
 * on the caller's (the adapter's) thread: refusals go through the {@link RefusalSender}.
 */
public final class Router implements InboundSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    /** One "slow down" (or "busy", ...) per user in this long; the rest of a flood is answered by silence. */
    static final Duration REFUSAL_WINDOW = Duration.ofSeconds(10);

    private final CommandRegistry registry;
    private final Permissions permissions;
    private final AuditLog audit = new AuditLog();
    private final RateLimiter perUser;
    private final RateLimiter perChat;
    private final boolean exemptAdmins;
    private final CommandExecutor executor;
    private final Duration defaultTimeout;
    private final long maxAttachmentBytes;
    private final CommandMeters meters;
    private final RefusalSender refusals = new RefusalSender(REFUSAL_WINDOW);
    private final ChatLanguages languages;
    private final InlineRouter inline;

    /** With figures kept in a registry of its own (tests). */
    public Router(CommandRegistry registry, Permissions permissions, RateLimiter perUser, RateLimiter perChat,
                  boolean exemptAdmins, CommandExecutor executor, Duration defaultTimeout, long maxAttachmentBytes) {
        this(registry, permissions, perUser, perChat, exemptAdmins, executor, defaultTimeout, maxAttachmentBytes,
                new CommandMeters(new SimpleMeterRegistry(), executor));
    }

    public Router(CommandRegistry registry, Permissions permissions, RateLimiter perUser, RateLimiter perChat,
                  boolean exemptAdmins, CommandExecutor executor, Duration defaultTimeout, long maxAttachmentBytes,
                  CommandMeters meters) {
        this(registry, permissions, perUser, perChat, exemptAdmins, executor, defaultTimeout, maxAttachmentBytes, meters,
                ChatLanguages.inMemory(Language.EN));
    }

    public Router(CommandRegistry registry, Permissions permissions, RateLimiter perUser, RateLimiter perChat,
                  boolean exemptAdmins, CommandExecutor executor, Duration defaultTimeout, long maxAttachmentBytes,
                  CommandMeters meters, ChatLanguages languages) {
        this.languages = languages;
        this.meters = meters;
        this.registry = registry;
        this.permissions = permissions;
        this.perUser = perUser;
        this.perChat = perChat;
        this.exemptAdmins = exemptAdmins;
        this.executor = executor;
        this.defaultTimeout = defaultTimeout;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.inline = new InlineRouter(registry::inline, permissions, perUser, exemptAdmins, executor, languages, meters);
    }

    @Override
    public boolean onText(MessageOrigin origin, String text, String botUsername, List<Attachment> posted,
                          Optional<RepliedMessage> replied, Responder responder) {
        Optional<CommandLine> parsed = CommandLine.parse(text);
        if (parsed.isEmpty() || !parsed.get().isFor(botUsername)) {
            return false;
        }
        CommandLine line = parsed.get();
        responder.useLanguage(languages.resolve(origin));
        Optional<CommandRegistry.Registered> found = find(line.name());
        if (found.isEmpty()) {
            // In a group an unaddressed unknown command may belong to another bot: stay quiet there.
            if (origin.privateChat() || !line.addressedTo().isEmpty()) {
                refuse(origin, RefusalSender.Kind.UNKNOWN_COMMAND, responder, unknown(languages.resolve(origin), line.name()));
                return true;
            }
            return false;
        }
        CommandSpec spec = found.get().command().spec();
        List<Attachment> attachments = CappedAttachment.capAll(posted, maxAttachmentBytes);
        Optional<RepliedMessage> repliedTo = CappedAttachment.capAll(replied, maxAttachmentBytes);
        dispatch(origin, found.get().command(), responder, () -> ArgumentBinder.bindText(spec, line.rest(), attachments, repliedTo),
                attachments, repliedTo);
        return true;
    }

    @Override
    public void onCommand(MessageOrigin origin, String command, Map<String, Object> givenOptions, List<Attachment> posted,
                          Optional<RepliedMessage> replied, Responder responder) {
        responder.useLanguage(languages.resolve(origin));
        Optional<CommandRegistry.Registered> found = find(command);
        if (found.isEmpty()) {
            refuse(origin, RefusalSender.Kind.UNKNOWN_COMMAND, responder, unknown(languages.resolve(origin), command));
            return;
        }
        CommandSpec spec = found.get().command().spec();
        List<Attachment> attachments = CappedAttachment.capAll(posted, maxAttachmentBytes);
        Optional<RepliedMessage> repliedTo = CappedAttachment.capAll(replied, maxAttachmentBytes);
        Map<String, Object> options = CappedAttachment.capAll(givenOptions, maxAttachmentBytes);
        dispatch(origin, found.get().command(), responder, () -> ArgumentBinder.bindOptions(spec, options, attachments, repliedTo),
                attachments, repliedTo);
    }

    @Override
    public void onInlineQuery(InlineQuery query, InlineResponder responder) {
        inline.route(query, responder);
    }

    private static Reply unknown(Language language, String name) {
        return Reply.error(CoreMessages.format(language, "router.unknown", name));
    }

    private Optional<CommandRegistry.Registered> find(String name) {
        return registry.find(name);
    }

    private interface Binding {
        Arguments bind() throws UsageException;
    }

    private void dispatch(MessageOrigin origin, BotCommand command, Responder responder, Binding binding,
                          List<Attachment> attachments, Optional<RepliedMessage> repliedTo) {
        CommandSpec spec = command.spec();
        Language language = languages.resolve(origin);
        boolean admin = permissions.isAdmin(origin);
        if (spec.adminOnly() && !admin) {
            audit.refused(origin.platform(), origin.user().id(), origin.user().displayName(), origin.chatId(), spec.name());
            meters.refused(spec.name(), CommandMeters.FORBIDDEN);
            refuse(origin, RefusalSender.Kind.ADMIN_ONLY, responder, Reply.error(CoreMessages.format(language, "router.admin_only", spec.name())));
            return;
        }
        if (!(admin && exemptAdmins)) {
            Duration wait = acquireTokens(origin);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                LOG.info("rate limited /{} from {}:{} in chat {} for {}s", spec.name(), origin.platform(),
                        LogText.safe(origin.user().id()), LogText.safe(origin.chatId()), seconds);
                meters.refused(spec.name(), CommandMeters.RATE_LIMITED);
                refuse(origin, RefusalSender.Kind.RATE_LIMITED, responder,
                        Reply.error(CoreMessages.format(language, "router.rate_limited", seconds)));
                return;
            }
        }
        Arguments arguments;
        try {
            arguments = binding.bind();
        } catch (UsageException e) {
            meters.refused(spec.name(), CommandMeters.USAGE);
            refuse(origin, RefusalSender.Kind.USAGE, responder, Reply.error(e.userMessage(language)));
            return;
        }
        CommandRequest request = new CommandRequest(origin.platform(), origin.chatId(), origin.user(), spec.name(),
                arguments, attachments, repliedTo, admin, Instant.now(), origin.traits(), language);
        String correlationId = CorrelationIds.next();
        if (spec.adminOnly()) {
            audit.allowed(request, correlationId);
        }
        GuardedResponder guarded = new GuardedResponder(responder, correlationId);
        Duration timeout = command.timeout() != null ? command.timeout() : defaultTimeout;
        boolean accepted = executor.submit(() -> run(command, request, guarded, correlationId, origin), timeout, () -> {
            LOG.warn("[{}] /{} timed out after {} s", correlationId, spec.name(), timeout.toSeconds());
            meters.timedOut(spec.name());
            // the watchdog only marks the command closed: sending could wait out the platform's flood control
            guarded.close();
            refusals.sendLater(() -> {
                guarded.sendFinal(new Reply.Error(CoreMessages.format(language, "router.timed_out", spec.name()), correlationId));
                guarded.completed();
            });
        }, () -> {
            meters.refused(spec.name(), CommandMeters.BUSY);
            LOG.warn("[{}] /{} refused: waited {} ms in the queue without a free worker", correlationId, spec.name(),
                    executor.maxQueueWait().toMillis());
            refuse(origin, RefusalSender.Kind.BUSY, guarded, busy(language));
        });
        if (!accepted) {
            meters.refused(spec.name(), CommandMeters.BUSY);
            LOG.warn("[{}] /{} refused: all {} workers and the queue are busy", correlationId, spec.name(), executor.running());
            refuse(origin, RefusalSender.Kind.BUSY, guarded, busy(language));
        }
    }

    private static Reply busy(Language language) {
        return Reply.error(CoreMessages.format(language, "router.busy"));
    }

    /**
     * Takes a token from the user's bucket and the chat's; when the chat refuses, the user's token is given back,
     * since a command that did not run must not cost its user anything.
     */
    private Duration acquireTokens(MessageOrigin origin) {
        String userKey = origin.platform() + ":" + origin.user().id();
        Duration wait = perUser.acquire(userKey);
        if (!wait.isZero()) {
            return wait;
        }
        wait = perChat.acquire(origin.platform() + ":" + origin.chatId());
        if (!wait.isZero()) {
            perUser.refund(userKey);
        }
        return wait;
    }

    /** Answers a refused command off the calling (adapter) thread, coalescing repeats per user. */
    private void refuse(MessageOrigin origin, RefusalSender.Kind kind, Responder responder, Reply reply) {
        refusals.refuse(origin.platform() + ":" + origin.user().id(), kind, responder, reply);
    }

    private void run(BotCommand command, CommandRequest request, GuardedResponder responder, String correlationId,
                     MessageOrigin origin) {
        long started = System.nanoTime();
        String outcome = CommandMeters.ERROR;
        MDC.put("cid", correlationId);
        try {
            command.handler().handle(new Context(request, responder, correlationId));
            outcome = CommandMeters.OK;
        } catch (UserFacingException e) {
            outcome = CommandMeters.USER_ERROR;
            LOG.info("[{}] /{} answered with an error: {}", correlationId, request.command(), LogText.safe(e.getMessage()));
            responder.send(new Reply.Error(e.message(request.language()), ""));
        } catch (AttachmentTooLargeException e) {
            outcome = CommandMeters.USER_ERROR;
            LOG.info("[{}] /{}: {}", correlationId, request.command(), LogText.safe(e.getMessage()));
            responder.send(Reply.error(CoreMessages.format(request.language(), "router.too_large", ByteSizes.human(e.limit()))));
        } catch (ImageUnavailableException e) {
            outcome = CommandMeters.USER_ERROR;
            refusedImage(request, correlationId, e, responder);
        } catch (InterruptedException e) {
            outcome = CommandMeters.INTERRUPTED;
            LOG.info("[{}] /{} was interrupted", correlationId, request.command());
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            if (responder.isClosed() || (interruption(t) && Thread.currentThread().isInterrupted())) {
                // the watchdog stopped it: interrupted I/O (or a library's wrapper of it) is how a timeout ends a
                // download or a read, not a bug; the user already has the timeout message
                LOG.info("[{}] /{} stopped at its deadline ({})", correlationId, request.command(), LogText.safe(t.toString()));
                outcome = CommandMeters.INTERRUPTED;
                return;
            }
            ImageUnavailableException unavailable = cause(t, ImageUnavailableException.class);
            if (unavailable != null) {
                outcome = CommandMeters.USER_ERROR;
                refusedImage(request, correlationId, unavailable, responder);
                return;
            }
            AttachmentDownloadException download = cause(t, AttachmentDownloadException.class);
            if (download != null) {
                outcome = CommandMeters.USER_ERROR;
                LOG.warn("[{}] /{}: {}", correlationId, request.command(), LogText.safe(describe(download)));
                responder.send(new Reply.Error(CoreMessages.format(request.language(), "router.download_failed",
                        download.fileName()), correlationId));
                return;
            }
            LOG.error("[{}] /{} failed for {}:{}", correlationId, request.command(), request.platform(), request.user().id(), t);
            meters.failed(request.command(), correlationId);
            responder.send(new Reply.Error(CoreMessages.format(request.language(), "router.failed", request.command(),
                    correlationId), correlationId));
        } finally {
            long nanos = System.nanoTime() - started;
            long millis = nanos / 1_000_000;
            meters.finished(request.command(), outcome, nanos);
            LOG.debug("[{}] /{} finished in {} ms", correlationId, request.command(), millis);
            MDC.remove("cid");
            if (!responder.isClosed()) {
                // a command may have changed the chat's language (/lang): the adapter's own notes follow it from now
                responder.useLanguage(languages.resolve(origin));
                responder.completed(); // else the timeout's message is on its way, and completes the command after it
            }
        }
    }

    /** A link, sticker or animation that could not be taken: its own message to the user, the details to the log. */
    private static void refusedImage(CommandRequest request, String correlationId, ImageUnavailableException e,
                                     GuardedResponder responder) {
        LOG.info("[{}] /{}: image refused ({}): {}", correlationId, request.command(), e.reason(), LogText.safe(e.getMessage()));
        responder.send(Reply.error(ImageRefusals.text(e, request.language())));
    }

    /** Whether the failure is a thread interruption showing through I/O or a wrapper. */
    static boolean interruption(Throwable t) {
        return cause(t, InterruptedException.class) != null || cause(t, ClosedByInterruptException.class) != null
                || (cause(t, InterruptedIOException.class) != null && cause(t, java.net.SocketTimeoutException.class) == null);
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(" <- ").append(c);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        refusals.close();
    }

    /** The figures of the commands this router has run (the same object the bot registers as {@link BotMetrics}). */
    public BotMetrics metrics() {
        return meters;
    }

    private record Context(CommandRequest request, Responder responder, String correlationId) implements CommandContext {
    }
}
