package dev.acgbot.bench.inference;

import java.util.Arrays;

/** Wall-clock samples of one benchmark cell, in milliseconds. */
public final class Timings {
    private double[] ms = new double[16];
    private int n;

    public void add(long nanos) {
        if (n == ms.length) {
            ms = Arrays.copyOf(ms, n * 2);
        }
        ms[n++] = nanos / 1e6;
    }

    public int count() {
        return n;
    }

    public double median() {
        double[] s = Arrays.copyOf(ms, n);
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public double mean() {
        return Arrays.stream(ms, 0, n).average().orElse(Double.NaN);
    }

    public double min() {
        return Arrays.stream(ms, 0, n).min().orElse(Double.NaN);
    }
}
