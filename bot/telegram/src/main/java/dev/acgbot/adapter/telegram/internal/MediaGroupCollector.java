package dev.acgbot.adapter.telegram.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Gathers the messages of one album. Telegram delivers an album of photos as separate messages sharing a
 * media_group_id, with the caption (say {@code /tag}) on only one of them; the group is handed on once no
 * new part has arrived for the quiet period, so the command sees every image of the album.
 */
public final class MediaGroupCollector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaGroupCollector.class);
    /** Albums larger than this are not real albums (Telegram allows 10); the rest is ignored. */
    static final int MAX_PARTS = 10;

    private final Duration quietPeriod;
    private final Consumer<List<Message>> onGroup;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Pending> pending = new HashMap<>();

    private static final class Pending {
        final List<Message> parts = new ArrayList<>();
        ScheduledFuture<?> flush;
    }

    public MediaGroupCollector(Duration quietPeriod, Consumer<List<Message>> onGroup) {
        this.quietPeriod = quietPeriod;
        this.onGroup = onGroup;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(HttpResources.THREAD_PREFIX + "albums").daemon(true).factory());
    }

    /** Takes the message when it belongs to an album; returns false for a message on its own. */
    public synchronized boolean offer(Message message) {
        if (message == null || message.getMediaGroupId() == null || message.getChat() == null) {
            return false;
        }
        String key = message.getChat().getId() + ":" + message.getMediaGroupId();
        Pending group = pending.computeIfAbsent(key, k -> new Pending());
        if (group.parts.size() < MAX_PARTS) {
            group.parts.add(message);
        }
        if (group.flush != null) {
            group.flush.cancel(false);
        }
        try {
            group.flush = scheduler.schedule(() -> flush(key), quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            pending.remove(key);
        }
        return true;
    }

    private void flush(String key) {
        List<Message> parts;
        synchronized (this) {
            Pending group = pending.remove(key);
            if (group == null) {
                return;
            }
            parts = new ArrayList<>(group.parts);
        }
        parts.sort(Comparator.comparing(Message::getMessageId));
        try {
            onGroup.accept(parts);
        } catch (RuntimeException e) {
            log.warn("Telegram: could not handle an album: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            pending.clear();
        }
    }
}
