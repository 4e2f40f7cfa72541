package dev.acgbot.bench.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process (or another) from /proc: current RSS and its peak (VmHWM), in bytes. */
public final class ProcStatus {
    private ProcStatus() {
    }

    public static long rss() {
        return field("self", "VmRSS:");
    }

    public static long hwm() {
        return field("self", "VmHWM:");
    }

    /** RSS of another process, or -1 once it has gone. */
    public static long rss(long pid) {
        try {
            return field(Long.toString(pid), "VmRSS:");
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    /** Makes VmHWM start again from the current RSS (Linux 4.0+), so the next peak is measured alone. */
    public static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the peak RSS (/proc/self/clear_refs)", e);
        }
    }

    public static long field(String pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").strip()) * 1024;
                }
            }
            throw new IllegalStateException(name + " not in /proc/" + pid + "/status");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
