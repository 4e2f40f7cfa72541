package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapterkit.links.LinkRefusedException;
import dev.acgbot.adapterkit.links.SafeLinkFetcher;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.ImageLinks;
import dev.acgbot.api.command.ImageUnavailableException;
import dev.acgbot.api.command.LinkedImage;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The links of a Telegram message as images: the ones in its text or caption, and those hidden behind words
 * ({@code text_link} entities). Each is fetched, when a command reads it, by the adapter-kit's safe fetcher.
 */
public final class LinkImages {
    private final SafeLinkFetcher fetcher;

    public LinkImages(SafeLinkFetcher fetcher) {
        this.fetcher = fetcher;
    }

    List<Attachment> of(Message message) {
        List<URI> links = new ArrayList<>(ImageLinks.find(MessageMapper.textOf(message)));
        List<MessageEntity> entities = message.getEntities() != null ? message.getEntities() : message.getCaptionEntities();
        if (entities != null) {
            for (MessageEntity entity : entities) {
                if ("text_link".equals(entity.getType()) && entity.getUrl() != null && links.size() < ImageLinks.MAX_PER_MESSAGE) {
                    ImageLinks.parse(entity.getUrl()).filter(u -> !links.contains(u)).ifPresent(links::add);
                }
            }
        }
        return links.stream().<Attachment>map(uri -> new LinkedImage(uri, this::fetch)).toList();
    }

    private byte[] fetch(URI uri, long maxBytes) throws java.io.IOException {
        try {
            return fetcher.fetch(uri, maxBytes);
        } catch (LinkRefusedException e) {
            throw new ImageUnavailableException(ImageUnavailableException.Reason.valueOf(e.reason().name()), e.host(),
                    e.getMessage(), e.limit(), e.getCause());
        }
    }
}
