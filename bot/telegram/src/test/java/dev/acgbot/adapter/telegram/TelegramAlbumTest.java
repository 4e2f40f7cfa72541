package dev.acgbot.adapter.telegram;

import dev.acgbot.adapter.telegram.fake.FakeTelegramServer;
import dev.acgbot.adapter.telegram.fake.Updates;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.RepliedMessage;
import dev.acgbot.api.reply.Responder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Albums reach the core as one message carrying every photo, whichever part had the caption. */
class TelegramAlbumTest {
    private static final String TOKEN = "13579:album-TOKEN";

    private record Received(String text, String botUsername, List<String> fileNames) {
    }

    @Test
    void anAlbumCaptionedWithACommandIsOneCommandWithAllItsImages() throws Exception {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        InboundSink sink = new InboundSink() {
            @Override
            public boolean onText(MessageOrigin origin, String text, String botUsername, List<Attachment> attachments,
                                  Optional<RepliedMessage> repliedTo, Responder responder) {
                received.add(new Received(text, botUsername, attachments.stream().map(Attachment::fileName).toList()));
                return true;
            }

            @Override
            public void onCommand(MessageOrigin origin, String command, Map<String, Object> options, List<Attachment> attachments,
                                  Optional<RepliedMessage> repliedTo, Responder responder) {
            }
        };
        try (FakeTelegramServer telegram = new FakeTelegramServer(TOKEN)) {
            TelegramAdapter adapter = new TelegramAdapter(new TelegramSettings(TOKEN, URI.create(telegram.baseUrl()),
                    Duration.ofSeconds(5), TelegramSettings.BOT_API_DOWNLOAD_LIMIT, Duration.ofSeconds(1), false));
            adapter.start(sink, List.of());
            try {
                Updates.Chat chat = new Updates.Chat(-100);
                Updates.User user = new Updates.User(1, "Ann");
                // the caption sits on the second part, as it may
                telegram.push(Updates.albumPart(1, 21, chat, user, "", "a", "g1"));
                telegram.push(Updates.albumPart(2, 22, chat, user, "/tag@" + FakeTelegramServer.BOT_USERNAME, "b", "g1"));
                telegram.push(Updates.albumPart(3, 23, chat, user, "", "c", "g1"));
                // an album without a caption is no command
                telegram.push(Updates.albumPart(4, 31, chat, user, "", "d", "g2"));
                telegram.push(Updates.albumPart(5, 32, chat, user, "", "e", "g2"));

                Received album = received.poll(5, TimeUnit.SECONDS);
                assertNotNull(album, "the album reached the core");
                assertEquals("/tag@" + FakeTelegramServer.BOT_USERNAME, album.text());
                assertEquals(FakeTelegramServer.BOT_USERNAME, album.botUsername());
                assertEquals(List.of("photo_21.jpg", "photo_22.jpg", "photo_23.jpg"), album.fileNames());
                assertNull(received.poll(1_500, TimeUnit.MILLISECONDS), "one call per album, none for an uncaptioned one");
            } finally {
                adapter.close();
            }
        }
    }
}
