package dev.acgbot.bench.gallery;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal NumPy .npy (format 1.0) for float32 matrices out and int64 matrices in. */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private Npy() {
    }

    /** Streams rows into a .npy file; {@link #close()} when all {@code rows} are written. */
    static final class FloatWriter implements AutoCloseable {
        private final OutputStream out;
        private final ByteBuffer row;

        FloatWriter(Path file, long rows, int dim) throws IOException {
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
            String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + dim + "), }";
            int unpadded = MAGIC.length + 2 + dict.length() + 1;
            String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
            out.write(MAGIC);
            out.write(header.length() & 0xFF);
            out.write(header.length() >> 8);
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            row = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
        }

        void write(float[] v) throws IOException {
            row.clear();
            row.asFloatBuffer().put(v);
            out.write(row.array());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads a 2-D little-endian int64 array. */
    static long[][] readLongs(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = new byte[8];
            in.readFully(magic);
            int len = (in.read() & 0xFF) | (in.read() & 0xFF) << 8;
            byte[] header = new byte[len];
            in.readFully(header);
            String h = new String(header, StandardCharsets.US_ASCII);
            if (!h.contains("'<i8'")) {
                throw new IOException("expected int64 .npy, header " + h);
            }
            Matcher m = Pattern.compile("\\((\\d+), (\\d+)\\)").matcher(h);
            if (!m.find()) {
                throw new IOException("expected a 2-D array, header " + h);
            }
            int rows = Integer.parseInt(m.group(1));
            int cols = Integer.parseInt(m.group(2));
            byte[] data = in.readAllBytes();
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            long[][] out = new long[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out[r][c] = b.getLong();
                }
            }
            return out;
        }
    }
}
