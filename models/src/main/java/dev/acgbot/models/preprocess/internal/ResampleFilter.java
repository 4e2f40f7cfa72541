package dev.acgbot.models.preprocess.internal;

import dev.acgbot.models.preprocess.PreprocessSpec.Interpolation;

/**
 * The convolution kernels of Pillow's {@code Resample.c}, with the same support radii and formulas, so the
 * coefficient tables (and therefore every rounded pixel) come out identical.
 */
enum ResampleFilter {
    BILINEAR(1.0) {
        @Override
        double weight(double x) {
            double ax = Math.abs(x);
            return ax < 1.0 ? 1.0 - ax : 0.0;
        }
    },
    BICUBIC(2.0) {
        @Override
        double weight(double x) {
            final double a = -0.5;
            double ax = x < 0.0 ? -x : x;
            if (ax < 1.0) {
                return ((a + 2.0) * ax - (a + 3.0)) * ax * ax + 1;
            }
            if (ax < 2.0) {
                return (((ax - 5) * ax + 8) * ax - 4) * a;
            }
            return 0.0;
        }
    },
    LANCZOS(3.0) {
        @Override
        double weight(double x) {
            if (-3.0 <= x && x < 3.0) {
                return sinc(x) * sinc(x / 3);
            }
            return 0.0;
        }
    };

    final double support;

    ResampleFilter(double support) {
        this.support = support;
    }

    abstract double weight(double x);

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = x * Math.PI;
        return Math.sin(px) / px;
    }

    static ResampleFilter of(Interpolation interpolation) {
        return switch (interpolation) {
            case BILINEAR -> BILINEAR;
            case BICUBIC -> BICUBIC;
            case LANCZOS -> LANCZOS;
            case NEAREST -> throw new IllegalArgumentException("nearest neighbour is not a convolution");
        };
    }
}
