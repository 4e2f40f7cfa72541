package dev.acgbot.models.runtime.internal;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.acgbot.models.runtime.ArenaMode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The runtime's ONNX Runtime sessions by graph file and session settings, so that models loading the same file hold
 * one session: Chinese-CLIP's int8 export is one 191 MB graph holding both towers, read by an image and a text
 * manifest, and each used to load it again (docs/models.md, "Int8 variants"). The models keep their own inputs,
 * constants, output and micro-batcher; ONNX Runtime lets several threads run one session at once. A session closes
 * when the last model holding it unloads.
 */
public final class OpenSessions {
    /** What makes two loads the same session: the file and every session option that differs between loads. */
    record Key(Path file, int gpu, int intraOpThreads, int interOpThreads, ArenaMode arena) {
    }

    /** Opens a session for a key (ONNX Runtime's own call, with the key's options). */
    @FunctionalInterface
    interface Opener {
        OrtSession open(Key key) throws OrtException;
    }

    private static final class Entry {
        final OrtSession session;
        int holders;

        Entry(OrtSession session) {
            this.session = session;
        }
    }

    private final Map<Key, Entry> open = new HashMap<>();

    /** The session for {@code key}, opened now if no model holds one; each call is paired with a {@link #release}. */
    synchronized OrtSession acquire(Key key, Opener opener) throws OrtException {
        Entry e = open.get(key);
        if (e == null) {
            e = new Entry(opener.open(key));
            open.put(key, e);
        }
        e.holders++;
        return e.session;
    }

    /** One holder of {@code key}'s session is done with it; the last one closes it. */
    synchronized void release(Key key) throws OrtException {
        Entry e = open.get(key);
        if (e == null) {
            return;
        }
        if (--e.holders == 0) {
            open.remove(key);
            e.session.close();
        }
    }

    /** How many sessions are open now. */
    public synchronized int count() {
        return open.size();
    }

    /** The key's file as one path however the manifests spell it (a relative path, a link). */
    static Path canonical(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
