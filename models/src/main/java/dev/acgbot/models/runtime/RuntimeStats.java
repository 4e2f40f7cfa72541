package dev.acgbot.models.runtime;

/**
 * How a model's requests were gathered since it was loaded.
 *
 * @param requests     single items (images or texts) submitted
 * @param batches      engine calls made for them
 * @param largestBatch most items run in one engine call
 */
public record RuntimeStats(long requests, long batches, long largestBatch) {
}
