package dev.acgbot.core.router;

import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.RepliedMessage;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An attachment that no command may read more of than {@code executor.max_attachment_bytes}, whatever limit the
 * command asks for: the adapter's {@code read} (a {@link dev.acgbot.api.command.BoundedRead}) gets the smaller of
 * the two, so an oversized upload is refused while it streams, before it fills memory.
 */
record CappedAttachment(Attachment inner, long cap) implements Attachment {

    @Override
    public String fileName() {
        return inner.fileName();
    }

    @Override
    public Optional<String> contentType() {
        return inner.contentType();
    }

    @Override
    public long declaredSize() {
        return inner.declaredSize();
    }

    @Override
    public byte[] read(long maxBytes) throws IOException {
        return inner.read(Math.min(maxBytes, cap));
    }

    @Override
    public String sourceKey() {
        return inner.sourceKey();
    }

    static List<Attachment> capAll(List<Attachment> attachments, long cap) {
        return attachments.stream().map(a -> cap(a, cap)).toList();
    }

    static Optional<RepliedMessage> capAll(Optional<RepliedMessage> replied, long cap) {
        return replied.map(r -> new RepliedMessage(r.messageId(), r.text(), capAll(r.attachments(), cap)));
    }

    /** Option values: attachments are capped, everything else passes as it is. */
    static Map<String, Object> capAll(Map<String, Object> options, long cap) {
        Map<String, Object> out = new LinkedHashMap<>();
        options.forEach((k, v) -> out.put(k, v instanceof Attachment a ? cap(a, cap) : v));
        return out;
    }

    private static Attachment cap(Attachment a, long cap) {
        return a instanceof CappedAttachment c && c.cap <= cap ? c : new CappedAttachment(a, cap);
    }
}
