package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.api.reply.ImageRef;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the file id Telegram answers with whenever the bot uploads a gallery image (a /search or /similar reply,
 * an upload to the storage chat), so inline results can name the image without uploading it again.
 */
public final class UploadedFiles {
    private final FileIdStore store;

    public UploadedFiles(FileIdStore store) {
        this.store = store;
    }

    /** Nothing is kept (tests of the responder alone). */
    public static UploadedFiles none() {
        return new UploadedFiles(null);
    }

    /** Records the id of {@code ref} from the message that carried it; images made on the fly are not kept. */
    public void record(ImageRef ref, Message sent) {
        if (store == null || sent == null || ref.expected() == null) {
            return;
        }
        idOf(sent).ifPresent(id -> store.put(ref.expected().sha256(), id));
    }

    public void recordAll(List<ImageRef> refs, List<Message> sent) {
        if (sent == null) {
            return;
        }
        for (int i = 0; i < Math.min(refs.size(), sent.size()); i++) {
            record(refs.get(i), sent.get(i));
        }
    }

    /** A photo's largest rendition (what an inline result should show), else the document. */
    static Optional<FileIdStore.StoredFile> idOf(Message sent) {
        List<PhotoSize> sizes = sent.getPhoto();
        if (sizes != null && !sizes.isEmpty()) {
            return sizes.stream()
                    .max(Comparator.comparingLong(s -> (long) (s.getWidth() == null ? 0 : s.getWidth())
                            * (s.getHeight() == null ? 0 : s.getHeight())))
                    .map(s -> new FileIdStore.StoredFile(FileIdStore.Kind.PHOTO, s.getFileId()));
        }
        if (sent.getDocument() != null && sent.getDocument().getFileId() != null) {
            return Optional.of(new FileIdStore.StoredFile(FileIdStore.Kind.DOCUMENT, sent.getDocument().getFileId()));
        }
        return Optional.empty();
    }
}
