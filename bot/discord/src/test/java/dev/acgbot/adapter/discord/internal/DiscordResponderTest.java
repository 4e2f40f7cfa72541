package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.reply.ProgressMessage;
import dev.acgbot.api.reply.Reply;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiscordResponderTest {

    /** Records what the responder asks Discord for. */
    static final class RecordingFollowUps implements FollowUps {
        final List<String> calls = new ArrayList<>();
        boolean failSends;
        boolean failUploads;

        @Override
        public String send(MessageCreateData message) {
            if (failSends || (failUploads && !message.getFiles().isEmpty())) {
                throw new IllegalStateException("10015: Unknown Webhook");
            }
            calls.add("send " + message.getContent());
            return "m" + calls.size();
        }

        @Override
        public void edit(String messageId, String content) {
            calls.add("edit " + messageId + " " + content);
        }

        @Override
        public void finishWithoutReply(String content) {
            calls.add("finish " + content);
        }
    }

    @Test
    void progressEditsTheMessageItSentAndSkipsRepeats() {
        RecordingFollowUps followUps = new RecordingFollowUps();
        DiscordResponder responder = new DiscordResponder(followUps, "test");
        ProgressMessage progress = responder.progress("Reindexing…");
        progress.update("1 of 2");
        progress.update("1 of 2");
        progress.update("2 of 2");
        responder.send(Reply.text("Reindexed."));
        responder.completed();
        assertEquals(List.of("send Reindexing…", "edit m1 1 of 2", "edit m1 2 of 2", "send Reindexed."), followUps.calls);
    }

    @Test
    void aCommandThatSentNothingDoesNotLeaveThePlaceholderThinking() {
        RecordingFollowUps followUps = new RecordingFollowUps();
        DiscordResponder responder = new DiscordResponder(followUps, "test");
        responder.completed();
        responder.completed();
        assertEquals(List.of("finish Done."), followUps.calls);
    }

    @Test
    void refusedImagesAreReportedInsteadOfFinishingWithDone() {
        RecordingFollowUps followUps = new RecordingFollowUps();
        followUps.failUploads = true;
        DiscordResponder responder = new DiscordResponder(followUps, "test");
        responder.send(dev.acgbot.api.reply.Reply.image(dev.acgbot.api.reply.ImageRef.of(new byte[]{1}, "a.png"), "x"));
        responder.completed();
        assertEquals(List.of("send ⚠ Discord did not accept the images (10015: Unknown Webhook)."), followUps.calls);
    }

    @Test
    void deliveryFailuresAreLoggedNotThrown() {
        RecordingFollowUps followUps = new RecordingFollowUps();
        followUps.failSends = true;
        DiscordResponder responder = new DiscordResponder(followUps, "test");
        responder.send(Reply.text("hello"));
        responder.progress("x").update("y");
        assertEquals(List.of(), followUps.calls);
    }
}
