package dev.acgbot.models.runtime;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much memory the whole bot may use (resident set: heap, JVM, model weights, ONNX Runtime's buffers). The
 * JVM heap, each model's batch size and ONNX Runtime's allocator settings are derived from it
 * ({@link MemoryPlan}); the launcher sizes {@code -Xmx} with {@link #heapBytes()}'s rule.
 *
 * @param bytes the budget
 */
public record MemoryBudget(long bytes) {
    /** The smallest budget accepted at all: the JVM, a small heap and one tiny model. */
    public static final long MIN_BYTES = 256L << 20;
    /**
     * The default never exceeds this: the goal is a reindex with the default models at or under 2.5 GB
     * (docs/benchmarks.md, memory); a larger budget only buys bigger batches, which measured no faster on CPUs.
     */
    public static final long DEFAULT_CAP = 2560L << 20;
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?");

    public MemoryBudget {
        if (bytes < MIN_BYTES) {
            throw new IllegalArgumentException("memory_budget must be at least 256 MB, got " + mb(bytes));
        }
    }

    /**
     * {@code auto} (or empty): {@link #forMachine}; otherwise a size such as {@code 2g}, {@code 2GB}, {@code 1500m},
     * {@code 2.5g}; a bare number is bytes.
     */
    public static MemoryBudget parse(String text, long machineBytes) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("auto")) {
            return forMachine(machineBytes);
        }
        Matcher m = SIZE.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("memory_budget: expected auto or a size such as 2g or 1500m, got '" + text + "'");
        }
        double n = Double.parseDouble(m.group(1));
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return new MemoryBudget((long) (n * (1L << shift)));
    }

    /**
     * Three fifths of the machine's memory (the rest for the system, page cache of the gallery's files and other
     * services on a small VPS), at most {@link #DEFAULT_CAP}: 2.4 GB on a 4 GB server.
     */
    public static MemoryBudget forMachine(long machineBytes) {
        long b = machineBytes <= 0 ? DEFAULT_CAP : Math.min(DEFAULT_CAP, machineBytes * 3 / 5);
        return new MemoryBudget(Math.max(MIN_BYTES, b));
    }

    /** This machine's memory as the JVM sees it (a container's limit inside one), or 0 when unknown. */
    public static long machineBytes() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /**
     * The heap this JVM was given explicitly ({@code -Xmx} or {@code -XX:MaxHeapSize}: the launcher always gives one,
     * the budget's quarter or what a large gallery's files ask for), or empty when it runs on the JVM's default
     * (a quarter of the machine, which the budget does not plan for).
     */
    public static java.util.OptionalLong givenHeap() {
        boolean explicit = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize="));
        return explicit ? java.util.OptionalLong.of(Runtime.getRuntime().maxMemory()) : java.util.OptionalLong.empty();
    }

    /**
     * The JVM heap: a quarter of the budget within 256 MB..2 GB. The indexer keeps at most half its heap in
     * images and indexes 6000x6000 JPEGs at 512 MB (SmallHeapIndexTest); weights and activations are native
     * memory, outside the heap. The launcher computes the same (acgbot, heap_for_budget).
     */
    public long heapBytes() {
        return Math.max(256L << 20, Math.min(2048L << 20, bytes / 4));
    }

    @Override
    public String toString() {
        return mb(bytes);
    }

    static String mb(long bytes) {
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : (bytes >> 20) + " MB";
    }
}
