package dev.acgbot.core;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.router.RecordingResponder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing (what SIGTERM does) lets running commands finish within the grace, then cancels what is left. */
class BotRuntimeShutdownTest {
    static final MessageOrigin ADMIN = new MessageOrigin("console", "console", new ChatUser("local", "op"), true, true);

    /** /slow sleeps 300 ms then answers; /stuck waits until stopped, then notices the plugin's stop. */
    static final class SlowPlugin implements Plugin {
        final CountDownLatch running = new CountDownLatch(2);
        final AtomicBoolean stoppedBeforeStuckEnded = new AtomicBoolean();
        volatile boolean stopped;

        @Override
        public String id() {
            return "slow";
        }

        @Override
        public List<BotCommand> commands() {
            return List.of(
                    BotCommand.of(CommandSpec.builder("slow", "slow").build(), ctx -> {
                        running.countDown();
                        Thread.sleep(300);
                        ctx.reply("done");
                    }),
                    BotCommand.of(CommandSpec.builder("stuck", "stuck").build(), ctx -> {
                        running.countDown();
                        while (!stopped) {
                            Thread.sleep(10);
                        }
                        stoppedBeforeStuckEnded.set(true);
                        ctx.reply("cancelled");
                    }));
        }

        @Override
        public void stop() {
            stopped = true; // as AdminPlugin cancels a running reindex
        }
    }

    @Test
    void aRunningCommandFinishesAndALongJobIsCancelledThroughItsPluginWithinTheBound() throws Exception {
        SlowPlugin plugin = new SlowPlugin();
        BotRuntime runtime = BotRuntime.start(BotConfig.parse(""), List.of(plugin), List.of());
        RecordingResponder slow = new RecordingResponder();
        RecordingResponder stuck = new RecordingResponder();
        runtime.sink().onText(ADMIN, "/slow", null, List.of(), Optional.empty(), slow);
        runtime.sink().onText(ADMIN, "/stuck", null, List.of(), Optional.empty(), stuck);
        assertTrue(plugin.running.await(5, TimeUnit.SECONDS));

        long started = System.nanoTime();
        runtime.close();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(List.of(Reply.text("done")), slow.replies, "finished within the grace");
        assertTrue(plugin.stoppedBeforeStuckEnded.get(), "the long job ended because its plugin was stopped");
        assertTrue(millis < BotRuntime.SHUTDOWN_GRACE.toMillis() + 3_000, "closed in " + millis + " ms");
    }
}
