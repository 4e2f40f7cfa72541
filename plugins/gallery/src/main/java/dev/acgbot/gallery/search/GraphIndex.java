package dev.acgbot.gallery.search;

import java.io.IOException;
import java.nio.file.Path;

/** An approximate proximity-graph index that can be written to disk so start-up does not rebuild it. */
public interface GraphIndex extends VectorIndex {

    GraphParams params();

    /** Writes the graph (not the vectors: they stay in the gallery store). */
    void save(Path file) throws IOException;

    /** Bytes the graph's adjacency takes in memory (the vectors are the gallery's, not counted). */
    long memoryBytes();

    /** The same graph searched with another beam width. */
    GraphIndex withEfSearch(int efSearch);

    /**
     * The same graph walked over other rows holding the same vectors in the same order (the gallery's rows
     * quantised to another format): the adjacency does not depend on how the rows are held.
     */
    GraphIndex over(VectorRows rows);
}
