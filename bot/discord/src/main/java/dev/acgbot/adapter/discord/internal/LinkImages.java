package dev.acgbot.adapter.discord.internal;

import dev.acgbot.adapterkit.links.LinkRefusedException;
import dev.acgbot.adapterkit.links.SafeLinkFetcher;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.ImageLinks;
import dev.acgbot.api.command.ImageUnavailableException;
import dev.acgbot.api.command.LinkedImage;
import dev.acgbot.api.command.UnavailableImage;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The images of a Discord message that are links rather than uploads: the embeds Discord made of pasted links
 * (their image, else their still thumbnail, as for a GIF or video link), then links in the text that no embed
 * covers. Each is fetched by the adapter-kit's safe fetcher when a command reads it; an embed's copy on Discord's
 * media proxy is preferred to the original host, and goes through the same checks (it is a public host).
 */
public final class LinkImages {
    private final SafeLinkFetcher fetcher;

    public LinkImages(SafeLinkFetcher fetcher) {
        this.fetcher = fetcher;
    }

    List<Attachment> of(Message message) {
        List<URI> links = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (MessageEmbed embed : message.getEmbeds()) {
            Optional<URI> image = embedImage(embed);
            if (image.isPresent() && !links.contains(image.get()) && links.size() < ImageLinks.MAX_PER_MESSAGE) {
                links.add(image.get());
                covered.add(embed.getUrl());
                if (embed.getImage() != null) {
                    covered.add(embed.getImage().getUrl());
                }
                if (embed.getThumbnail() != null) {
                    covered.add(embed.getThumbnail().getUrl());
                }
            }
        }
        for (URI link : ImageLinks.find(message.getContentRaw())) {
            if (!covered.contains(link.toString()) && !links.contains(link) && links.size() < ImageLinks.MAX_PER_MESSAGE) {
                links.add(link);
            }
        }
        return links.stream().<Attachment>map(uri -> new LinkedImage(uri, this::fetch)).toList();
    }

    /** As much of a link option's text without a link as the user is shown back. */
    static final int SHOWN = 40;

    /**
     * The links in what a user typed into a slash command's link option, as images; a text without one is an image that
     * cannot be read (the user is told the bot opens only http and https links), not a command without an image.
     */
    List<Attachment> of(String typed) {
        List<URI> found = ImageLinks.find(typed);
        if (found.isEmpty()) {
            String shown = typed.strip();
            return List.of(new UnavailableImage(shown.length() <= SHOWN ? shown : shown.substring(0, SHOWN - 1) + "…",
                    ImageUnavailableException.Reason.UNSUPPORTED_SCHEME, "no link in the link option"));
        }
        return found.stream().<Attachment>map(uri -> new LinkedImage(uri, this::fetch)).toList();
    }

    /** An embed's image, else its thumbnail; Discord's proxied copy when it has one. */
    static Optional<URI> embedImage(MessageEmbed embed) {
        String proxy = null;
        String url = null;
        if (embed.getImage() != null) {
            proxy = embed.getImage().getProxyUrl();
            url = embed.getImage().getUrl();
        } else if (embed.getThumbnail() != null) {
            proxy = embed.getThumbnail().getProxyUrl();
            url = embed.getThumbnail().getUrl();
        }
        String chosen = proxy != null && !proxy.isBlank() ? proxy : url;
        return chosen == null ? Optional.empty() : ImageLinks.parse(chosen);
    }

    private byte[] fetch(URI uri, long maxBytes) throws IOException {
        try {
            return fetcher.fetch(uri, maxBytes);
        } catch (LinkRefusedException e) {
            throw new ImageUnavailableException(ImageUnavailableException.Reason.valueOf(e.reason().name()), e.host(),
                    e.getMessage(), e.limit(), e.getCause());
        }
    }
}
