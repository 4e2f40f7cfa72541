package dev.acgbot.models.runtime;

import java.util.Locale;

/**
 * Where models should run: {@code auto} (the GPU when ONNX Runtime has CUDA and a model loads there, else the
 * CPU), {@code cpu}, {@code gpu} (= {@code gpu:0}) or {@code gpu:N}. A GPU request that cannot be met falls
 * back to the CPU with one log line.
 */
public record DeviceRequest(Kind kind, int gpuIndex) {

    public enum Kind { AUTO, CPU, GPU }

    public static DeviceRequest parse(String text) {
        String s = text == null ? "auto" : text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("auto")) {
            return new DeviceRequest(Kind.AUTO, 0);
        }
        if (s.equals("cpu")) {
            return new DeviceRequest(Kind.CPU, 0);
        }
        if (s.equals("gpu") || s.equals("cuda")) {
            return new DeviceRequest(Kind.GPU, 0);
        }
        if (s.matches("(gpu|cuda):\\d{1,2}")) {
            return new DeviceRequest(Kind.GPU, Integer.parseInt(s.substring(s.indexOf(':') + 1)));
        }
        throw new IllegalArgumentException("device '" + text + "': expected auto, cpu, gpu or gpu:N");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> "auto";
            case CPU -> "cpu";
            case GPU -> "gpu:" + gpuIndex;
        };
    }
}
