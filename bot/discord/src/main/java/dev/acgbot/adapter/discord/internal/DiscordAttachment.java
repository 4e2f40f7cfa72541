package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.AttachmentDownloadException;
import dev.acgbot.api.command.AttachmentTooLargeException;
import dev.acgbot.api.command.BoundedRead;
import net.dv8tion.jda.api.entities.Message;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A file attached to a Discord message or given as an attachment option; downloaded from the CDN when read. */
final class DiscordAttachment implements Attachment {
    private static final long DOWNLOAD_TIMEOUT_SECONDS = 60;
    private final Message.Attachment attachment;
    private final OkHttpClient http;

    /** @param http the adapter's client: JDA's file proxy would otherwise create a global one that is never shut down */
    public DiscordAttachment(Message.Attachment attachment, OkHttpClient http) {
        this.attachment = attachment;
        this.http = http;
    }

    @Override
    public String fileName() {
        return attachment.getFileName();
    }

    @Override
    public Optional<String> contentType() {
        return Optional.ofNullable(attachment.getContentType());
    }

    @Override
    public long declaredSize() {
        return attachment.getSize();
    }

    @Override
    public byte[] read(long maxBytes) throws IOException {
        if (attachment.getSize() > maxBytes) {
            throw new AttachmentTooLargeException(fileName(), maxBytes);
        }
        CompletableFuture<InputStream> download = attachment.getProxy().withClient(http).download();
        try (InputStream in = download.get(DOWNLOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            return BoundedRead.readAtMost(in, fileName(), maxBytes);
        } catch (InterruptedException e) {
            download.cancel(true); // the command's deadline: give the connection back rather than let it finish
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + fileName() + " was stopped");
        } catch (ExecutionException e) {
            throw new AttachmentDownloadException(fileName(), "from Discord: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            download.cancel(true);
            throw new AttachmentDownloadException(fileName(), "no answer from Discord within " + DOWNLOAD_TIMEOUT_SECONDS + " s", e);
        }
    }

    @Override
    public String sourceKey() {
        return "discord:" + attachment.getId();
    }

    /** Whether Discord says this is an image (by type, or by name when it gave no type). */
    public boolean isImage() {
        return attachment.isImage() || (attachment.getContentType() != null && attachment.getContentType().startsWith("image/"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscordAttachment other && other.attachment.getIdLong() == attachment.getIdLong();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(attachment.getIdLong());
    }

    @Override
    public String toString() {
        return "DiscordAttachment[" + fileName() + ", " + declaredSize() + " bytes]";
    }
}
