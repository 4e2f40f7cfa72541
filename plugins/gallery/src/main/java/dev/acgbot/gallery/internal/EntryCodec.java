package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.rating.ContentRating;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binary form of {@link GalleryEntry} and {@link FileRecord} (layout of schema version 2: version 1 plus the rating's
 * name at the end, then, optionally, the rating classifier's model id: entries written before classifiers existed end
 * after the rating and read as seen by none, so no migration is needed).
 */
final class EntryCodec {
    private EntryCodec() {
    }

    static byte[] encode(GalleryEntry e) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(e.sha256());
            out.writeInt(e.paths().size());
            for (Path p : e.paths()) {
                out.writeUTF(p.toString());
            }
            out.writeLong(e.byteSize());
            out.writeLong(e.modified().toEpochMilli());
            out.writeInt(e.width());
            out.writeInt(e.height());
            out.writeUTF(e.sourceUrl().orElse(""));
            out.writeLong(e.pHash());
            out.writeLong(e.dHash());
            out.writeUTF(e.taggerModel());
            out.writeInt(e.tags().size());
            for (Map.Entry<String, Float> t : e.tags().entrySet()) {
                out.writeUTF(t.getKey());
                out.writeFloat(t.getValue());
            }
            out.writeInt(e.embeddings().size());
            for (Map.Entry<String, String> m : e.embeddings().entrySet()) {
                out.writeUTF(m.getKey());
                out.writeUTF(m.getValue());
            }
            out.writeUTF(e.rating().name());
            if (!e.classifierModel().isEmpty()) {
                out.writeUTF(e.classifierModel());
            }
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static GalleryEntry decodeEntry(byte[] b) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
            String sha = in.readUTF();
            int n = in.readInt();
            List<Path> paths = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                paths.add(Path.of(in.readUTF()));
            }
            long size = in.readLong();
            Instant modified = Instant.ofEpochMilli(in.readLong());
            int w = in.readInt();
            int h = in.readInt();
            String src = in.readUTF();
            long p = in.readLong();
            long d = in.readLong();
            String tagger = in.readUTF();
            int tn = in.readInt();
            Map<String, Float> tags = new LinkedHashMap<>();
            for (int i = 0; i < tn; i++) {
                tags.put(in.readUTF(), in.readFloat());
            }
            int mn = in.readInt();
            Map<String, String> emb = new LinkedHashMap<>();
            for (int i = 0; i < mn; i++) {
                emb.put(in.readUTF(), in.readUTF());
            }
            // schema 1 ended here; only RatingMigration reads such bytes
            ContentRating rating = in.available() > 0 ? ContentRating.valueOf(in.readUTF()) : ContentRating.UNRATED;
            String classifier = in.available() > 0 ? in.readUTF() : "";
            return new GalleryEntry(sha, paths, size, modified, w, h, src.isEmpty() ? Optional.empty() : Optional.of(src),
                    p, d, tags, tagger, emb, rating, classifier);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] encode(FileRecord r) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(r.size());
            out.writeLong(r.mtimeMillis());
            out.writeUTF(r.sha256());
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static FileRecord decodeFile(byte[] b) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
            return new FileRecord(in.readLong(), in.readLong(), in.readUTF());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] encode(FailureRecord r) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(r.size());
            out.writeLong(r.mtimeMillis());
            out.writeUTF(r.reason());
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static FailureRecord decodeFailure(byte[] b) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
            return new FailureRecord(in.readLong(), in.readLong(), in.readUTF());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
