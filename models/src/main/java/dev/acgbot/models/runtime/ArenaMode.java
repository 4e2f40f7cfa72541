package dev.acgbot.models.runtime;

/**
 * How ONNX Runtime allocates a CPU session's memory. docs/benchmarks.md (memory, throughput) measured each on the
 * random-weight ViT-B/16 stand-ins of the real models.
 */
public enum ArenaMode {
    /**
     * The default: the CPU arena serves each run's activations (blocks reused inside the run, no fresh pages per
     * tensor), the weights are allocated outside it ({@code session.use_device_allocator_for_initializers}) so
     * they are not held twice, and after each run the arena gives its free chunks back
     * ({@code memory.enable_memory_arena_shrinkage}): about the memory of {@link #OFF} at the speed of {@link #KEPT}.
     */
    SHRUNK,
    /**
     * No arena and no memory pattern: every tensor is malloc'd and freed. Least memory, but with the launcher's
     * 128 KiB glibc mmap threshold every large tensor is freshly mapped and zeroed by the kernel, which made the 448
     * tagger +20-70 % slower per image.
     */
    OFF,
    /**
     * ONNX Runtime's defaults (arena and memory pattern on, nothing given back), as before issue 17: a session
     * held twice its ONNX file after load and kept its largest batch's activations for good.
     */
    KEPT
}
