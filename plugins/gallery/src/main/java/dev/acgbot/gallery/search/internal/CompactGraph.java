package dev.acgbot.gallery.search.internal;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.NodesIterator;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A finished hierarchical graph as flat int arrays: per level one array of {@code degree} slots per node
 * (unused slots -1) and, above the base level, the sorted ids of the nodes that level holds. jvector's on-heap
 * graph keeps a neighbour object with ids and scores per node and level: 394 B per node by its own count and
 * 511 B by heap growth at 30k x 512, M=16 (base degree 32, full on average: 31.99); this holds the same
 * adjacency in 4 B per slot, about 130 B per node, so the graph of 1M images takes 130 MB instead of ~0.4 GB
 * (docs/benchmarks.md, "Compressed vectors in memory").
 */
final class CompactGraph {
    private static final int FORMAT = 0x43475231; // "CGR1"

    final int size;
    final int entry;
    /** Slots per node, per level. */
    final int[] degrees;
    /** Sorted node ids of each level above 0 ({@code levelNodes[0]} is null: every node). */
    final int[][] levelNodes;
    /** {@code adjacency[level][position * degrees[level] + j]}: neighbour j of the node at that position, or -1. */
    final int[][] adjacency;

    CompactGraph(int size, int entry, int[] degrees, int[][] levelNodes, int[][] adjacency) {
        this.size = size;
        this.entry = entry;
        this.degrees = degrees;
        this.levelNodes = levelNodes;
        this.adjacency = adjacency;
    }

    int maxLevel() {
        return degrees.length - 1;
    }

    /** Where {@code node}'s slots start on {@code level}; -1 when the node is not on that level. */
    int slots(int level, int node) {
        if (level == 0) {
            return node * degrees[0];
        }
        int pos = Arrays.binarySearch(levelNodes[level], node);
        return pos < 0 ? -1 : pos * degrees[level];
    }

    /** Bytes of the arrays (the graph's share of the gallery's memory). */
    long bytes() {
        long b = 0;
        for (int level = 0; level <= maxLevel(); level++) {
            b += (long) adjacency[level].length * Integer.BYTES;
            b += level == 0 ? 0 : (long) levelNodes[level].length * Integer.BYTES;
        }
        return b;
    }

    /** Copies jvector's finished graph; nodes must be 0..size-1 (they are the matrix rows). */
    static CompactGraph of(ImmutableGraphIndex graph) {
        int maxLevel = Math.max(0, graph.getMaxLevel());
        int[] degrees = new int[maxLevel + 1];
        int[][] levelNodes = new int[maxLevel + 1][];
        int[][] adjacency = new int[maxLevel + 1][];
        int size = graph.size(0);
        try (ImmutableGraphIndex.View view = graph.getView()) {
            for (int level = 0; level <= maxLevel; level++) {
                int degree = graph.getDegree(level);
                degrees[level] = degree;
                int[] nodes = nodesOf(graph, level);
                if (level == 0) {
                    if (nodes.length != size || (size > 0 && nodes[size - 1] != size - 1)) {
                        throw new IllegalStateException("graph nodes are not the rows 0.." + (size - 1));
                    }
                } else {
                    levelNodes[level] = nodes;
                }
                int[] slots = new int[nodes.length * degree];
                Arrays.fill(slots, -1);
                for (int pos = 0; pos < nodes.length; pos++) {
                    NodesIterator it = view.getNeighborsIterator(level, nodes[pos]);
                    for (int j = 0; j < degree && it.hasNext(); j++) {
                        slots[pos * degree + j] = it.nextInt();
                    }
                }
                adjacency[level] = slots;
            }
            int entry = size == 0 ? -1 : view.entryNode().node;
            linkUnreachable(size, entry, degrees[0], adjacency[0]);
            return new CompactGraph(size, entry, degrees, levelNodes, adjacency);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Makes every node reachable from {@code entry} on the base level. The build can prune away the last link into
     * a node, and a node no link reaches is never found by any search: 271 of 400 graphs of 16 random 12-d rows
     * (2 build threads) had one, and Int8GalleryTest lost an image in graph mode now and then. Each unreachable node
     * is linked from one of its own reachable neighbours (else the entry, else any reachable node) in a free slot or
     * in place of a link that is not the breadth-first tree's way into its node, so no reachable node is ever cut off
     * and one pass is enough. (Replacing a neighbour's last link instead, in up to four passes, left nodes unreachable
     * in full random graphs of degree 1-4, from the second of 2,000 tried: CompactGraphTest.)
     */
    static void linkUnreachable(int size, int entry, int degree, int[] adjacency) {
        if (size == 0 || degree == 0) {
            return;
        }
        Reach tree = new Reach(size, degree, adjacency);
        tree.from(entry, ROOT);
        for (int u = 0; u < size && !tree.all(); u++) {
            if (!tree.reached(u)) {
                int host = tree.host(u, entry);
                adjacency[host * degree + tree.freeSlot(host)] = u;
                tree.from(u, host);
            }
        }
    }

    private static final int UNSEEN = -1;
    private static final int ROOT = -2;

    /** The breadth-first tree of the base level: which node first reached each node, so its links can be told apart. */
    private static final class Reach {
        private final int degree;
        private final int[] adjacency;
        private final int[] parent;
        private final int[] queue;
        private int tail;

        Reach(int size, int degree, int[] adjacency) {
            this.degree = degree;
            this.adjacency = adjacency;
            this.parent = new int[size];
            this.queue = new int[size];
            Arrays.fill(parent, UNSEEN);
        }

        boolean reached(int node) {
            return parent[node] != UNSEEN;
        }

        boolean all() {
            return tail == parent.length;
        }

        /** Breadth-first from {@code start} (reached through {@code via}) over nodes not reached yet. */
        void from(int start, int via) {
            int head = tail;
            parent[start] = via;
            queue[tail++] = start;
            while (head < tail) {
                int node = queue[head++];
                for (int j = 0; j < degree; j++) {
                    int nb = adjacency[node * degree + j];
                    if (nb < 0) {
                        break;
                    }
                    if (!reached(nb)) {
                        parent[nb] = node;
                        queue[tail++] = nb;
                    }
                }
            }
        }

        /**
         * A reached node with a slot to spare for {@code node}: its own neighbours first, then the entry, then any.
         * One always exists: r reached nodes have r * degree slots and the tree uses r - 1 of them.
         */
        int host(int node, int entry) {
            for (int j = 0; j < degree; j++) {
                int nb = adjacency[node * degree + j];
                if (nb < 0) {
                    break;
                }
                if (reached(nb) && freeSlot(nb) >= 0) {
                    return nb;
                }
            }
            if (freeSlot(entry) >= 0) {
                return entry;
            }
            for (int i = 0; i < tail; i++) {
                if (freeSlot(queue[i]) >= 0) {
                    return queue[i];
                }
            }
            throw new IllegalStateException("no reached node has a slot to spare");
        }

        /** {@code node}'s first empty slot, else its last link that is not the tree's way into its target; -1 if none. */
        int freeSlot(int node) {
            int base = node * degree;
            for (int j = 0; j < degree; j++) {
                if (adjacency[base + j] < 0) {
                    return j;
                }
            }
            for (int j = degree - 1; j >= 0; j--) {
                if (!treeLink(base, j)) {
                    return j;
                }
            }
            return -1;
        }

        private boolean treeLink(int base, int j) {
            int to = adjacency[base + j];
            if (parent[to] != base / degree) {
                return false;
            }
            for (int k = 0; k < j; k++) {
                if (adjacency[base + k] == to) {
                    return false;
                }
            }
            return true;
        }
    }

    private static int[] nodesOf(ImmutableGraphIndex graph, int level) {
        NodesIterator it = graph.getNodes(level);
        int[] nodes = new int[it.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = it.nextInt();
        }
        Arrays.sort(nodes);
        return nodes;
    }

    void write(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeInt(size);
            out.writeInt(entry);
            out.writeInt(degrees.length);
            for (int level = 0; level < degrees.length; level++) {
                out.writeInt(degrees[level]);
                out.writeInt(adjacency[level].length);
                if (level > 0) {
                    out.writeInt(levelNodes[level].length);
                    writeInts(out, levelNodes[level]);
                }
                writeInts(out, adjacency[level]);
            }
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < values.length; ) {
            buf.clear();
            while (i < values.length && buf.remaining() >= Integer.BYTES) {
                buf.putInt(values[i++]);
            }
            out.write(buf.array(), 0, buf.position());
        }
    }

    /** Reads a graph written by {@link #write}; a file of another format (jvector's, before) is refused. */
    static CompactGraph read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            IntBuffer in = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).asIntBuffer();
            if (in.remaining() < 4 || in.get() != FORMAT) {
                throw new IOException(file + " is not a compact graph file");
            }
            int size = in.get();
            int entry = in.get();
            int levels = in.get();
            if (levels < 1 || levels > 64 || size < 0) {
                throw new IOException(file + " is damaged");
            }
            int[] degrees = new int[levels];
            int[][] levelNodes = new int[levels][];
            int[][] adjacency = new int[levels][];
            for (int level = 0; level < levels; level++) {
                degrees[level] = in.get();
                int slots = in.get();
                int nodes = level == 0 ? size : -1;
                if (level > 0) {
                    nodes = in.get();
                    levelNodes[level] = ints(in, nodes, file);
                }
                if (degrees[level] < 1 || slots != nodes * degrees[level]) {
                    throw new IOException(file + " is damaged");
                }
                adjacency[level] = ints(in, slots, file);
            }
            return new CompactGraph(size, entry, degrees, levelNodes, adjacency);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException(file + " is truncated", e);
        }
    }

    private static int[] ints(IntBuffer in, int n, Path file) throws IOException {
        if (n < 0 || n > in.remaining()) {
            throw new IOException(file + " is truncated");
        }
        int[] out = new int[n];
        in.get(out);
        return out;
    }
}
