package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.api.command.Attachment;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/** A photo or document in a Telegram message; downloaded only when read. */
final class TelegramAttachment implements Attachment {
    private final String fileId;
    private final String fileUniqueId;
    private final String fileName;
    private final String contentType;
    private final long declaredSize;
    private final FileDownloader downloader;

    public TelegramAttachment(String fileId, String fileUniqueId, String fileName, String contentType, long declaredSize,
                              FileDownloader downloader) {
        this.fileId = Objects.requireNonNull(fileId, "fileId");
        this.fileUniqueId = fileUniqueId == null ? fileId : fileUniqueId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.declaredSize = declaredSize;
        this.downloader = downloader;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    @Override
    public long declaredSize() {
        return declaredSize;
    }

    @Override
    public byte[] read(long maxBytes) throws IOException {
        return downloader.download(fileId, fileName, declaredSize, maxBytes);
    }

    /** Telegram's file_unique_id: the same for every copy of one file, across chats. */
    @Override
    public String sourceKey() {
        return "telegram:" + fileUniqueId;
    }

    public String fileId() {
        return fileId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelegramAttachment other && other.fileUniqueId.equals(fileUniqueId);
    }

    @Override
    public int hashCode() {
        return fileUniqueId.hashCode();
    }

    @Override
    public String toString() {
        return "TelegramAttachment[" + fileName + ", " + declaredSize + " bytes]";
    }
}
