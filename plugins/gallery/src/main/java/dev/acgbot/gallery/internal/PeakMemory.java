package dev.acgbot.gallery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The process's peak resident set size: the number an operator compares with the machine's memory. */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {
    }

    /** Linux's VmHWM in bytes (heap, native ONNX Runtime arenas, mapped store pages alike); 0 elsewhere. */
    static long peakRssBytes() {
        try {
            return parseVmHwm(Files.readAllLines(STATUS));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long parseVmHwm(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024; // always kB
            }
        }
        return 0;
    }
}
