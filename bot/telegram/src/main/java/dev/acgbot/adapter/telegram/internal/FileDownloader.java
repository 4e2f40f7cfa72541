package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapterkit.TokenRedactor;
import dev.acgbot.api.command.AttachmentTooLargeException;
import dev.acgbot.api.command.BoundedRead;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.io.IOException;
import java.net.URI;

/**
 * Fetches a file by id: getFile for its path, then a GET of {@code <base>/file/bot<token>/<path>}. Done here
 * rather than by telegrambots, whose download URL is fixed to api.telegram.org and which buffers without a limit.
 */
public final class FileDownloader {
    private final BotApi api;
    private final OkHttpClient http;
    private final URI baseUrl;
    private final String token;
    private final TokenRedactor redactor;
    private final long platformLimit;

    public FileDownloader(BotApi api, OkHttpClient http, URI baseUrl, String token, TokenRedactor redactor, long platformLimit) {
        this.api = api;
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
        this.redactor = redactor;
        this.platformLimit = platformLimit;
    }

    /** The most a download may be, whatever a caller allows. */
    public long platformLimit() {
        return platformLimit;
    }

    /**
     * @param declaredSize the size the message reported, or -1
     * @param maxBytes     the caller's limit
     */
    public byte[] download(String fileId, String fileName, long declaredSize, long maxBytes) throws IOException {
        checkSize(fileName, declaredSize, maxBytes);
        File file;
        try {
            file = api.call("getFile", c -> c.execute(GetFile.builder().fileId(fileId).build()));
        } catch (TelegramApiException e) {
            String description = BotApi.description(e);
            if (description.toLowerCase().contains("file is too big")) {
                throw new TelegramFileTooLargeException(fileName, declaredSize, platformLimit);
            }
            throw new IOException("Telegram getFile failed for " + fileName + ": " + redactor.describe(e));
        }
        if (file == null || file.getFilePath() == null) {
            throw new IOException("Telegram gave no download path for " + fileName);
        }
        checkSize(fileName, file.getFileSize() == null ? -1 : file.getFileSize(), maxBytes);
        long limit = Math.min(maxBytes, platformLimit);
        HttpUrl url = HttpUrl.get(baseUrl.toString()).newBuilder()
                .addPathSegment("file")
                .addPathSegment("bot" + token)
                .addPathSegments(file.getFilePath())
                .build();
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("Telegram file download of " + fileName + " failed: HTTP " + response.code());
            }
            return BoundedRead.readAtMost(response.body().byteStream(), fileName, limit);
        } catch (IOException e) {
            if (e instanceof AttachmentTooLargeException) {
                throw e;
            }
            throw new IOException(redactor.redact(e.getMessage()));
        }
    }

    private void checkSize(String fileName, long size, long maxBytes) throws AttachmentTooLargeException {
        if (size > platformLimit && platformLimit <= maxBytes) {
            throw new TelegramFileTooLargeException(fileName, size, platformLimit);
        }
        if (size > maxBytes) {
            throw new AttachmentTooLargeException(fileName, maxBytes);
        }
    }
}
