package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapterkit.TokenRedactor;
import dev.acgbot.api.command.AttachmentDownloadException;
import dev.acgbot.api.command.AttachmentTooLargeException;
import dev.acgbot.api.command.BoundedRead;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

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
            throw new AttachmentDownloadException(fileName, "Telegram getFile failed: " + redactor.describe(e), null);
        }
        if (file == null || file.getFilePath() == null) {
            throw new AttachmentDownloadException(fileName, "Telegram gave no download path", null);
        }
        checkSize(fileName, file.getFileSize() == null ? -1 : file.getFileSize(), maxBytes);
        long limit = Math.min(maxBytes, platformLimit);
        HttpUrl url = HttpUrl.get(baseUrl.toString()).newBuilder()
                .addPathSegment("file")
                .addPathSegment("bot" + token)
                .addPathSegments(file.getFilePath())
                .build();
        return fetch(http.newCall(new Request.Builder().url(url).get().build()), fileName, limit);
    }

    /**
     * Runs the GET on OkHttp's own thread while the caller waits, so that a command's deadline (which interrupts
     * the caller) cancels the call and closes its socket instead of leaving a blocking read running.
     */
    private byte[] fetch(Call call, String fileName, long limit) throws IOException {
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                body.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    if (!response.isSuccessful()) {
                        throw new AttachmentDownloadException(fileName, "HTTP " + response.code(), null);
                    }
                    body.complete(BoundedRead.readAtMost(response.body().byteStream(), fileName, limit));
                } catch (IOException | RuntimeException e) {
                    body.completeExceptionally(e);
                }
            }
        });
        try {
            return body.get();
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + fileName + " was stopped");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AttachmentTooLargeException | cause instanceof AttachmentDownloadException) {
                throw (IOException) cause;
            }
            throw new AttachmentDownloadException(fileName, redactor.redact(String.valueOf(cause)), null);
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
