package dev.acgbot.core.router;

import dev.acgbot.api.reply.ProgressMessage;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.Responder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Collects what a command sends, for assertions. */
public class RecordingResponder implements Responder {
    public final List<Reply> replies = new CopyOnWriteArrayList<>();
    public final List<String> progress = new CopyOnWriteArrayList<>();
    public final AtomicInteger completions = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);

    @Override
    public void send(Reply reply) {
        replies.add(reply);
    }

    @Override
    public ProgressMessage progress(String initialText) {
        progress.add(initialText);
        return progress::add;
    }

    @Override
    public void completed() {
        completions.incrementAndGet();
        done.countDown();
    }

    public boolean awaitCompleted(long seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }

    public String lastText() {
        Reply last = replies.get(replies.size() - 1);
        return switch (last) {
            case Reply.Text t -> t.text().toPlainString();
            case Reply.Error e -> "ERROR: " + e.message();
            default -> last.toString();
        };
    }
}
