package dev.acgbot.commands;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TextEmbedding;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model availability is decided once, not by looking at the files for every request, and still notices a fetched model. */
class ModelAvailabilityTest {

    /** Counts how often the model files would be checked (ModelInfo verifies them on each call). */
    static final class CountingInference implements Inference {
        final Map<String, Boolean> installed = new ConcurrentHashMap<>();
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public List<ModelInfo> models() {
            return List.of();
        }

        @Override
        public Optional<ModelInfo> model(String id) {
            lookups.incrementAndGet();
            Boolean available = installed.get(id);
            return available == null ? Optional.empty()
                    : Optional.of(new ModelInfo(id, ModelTask.TAGGER, "", 3, "hash", available, "not loaded"));
        }

        @Override
        public List<TagResult> tag(String modelId, List<DecodedImage> images) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<float[]> embedImages(String modelId, List<DecodedImage> images) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TextEmbedding embedText(String modelId, String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anInstalledModelIsCheckedOnceForAnyNumberOfRequests() {
        CountingInference inference = new CountingInference();
        inference.installed.put("tagger", true);
        ModelAvailability availability = new ModelAvailability(inference, () -> 0);
        for (int i = 0; i < 100; i++) {
            assertTrue(availability.isAvailable("tagger"));
            availability.require("tagger", ModelTask.TAGGER, "tagging");
        }
        assertEquals(1, inference.lookups.get());
    }

    @Test
    void aMissingModelIsLookedAtAgainOnlyAfterTheRecheckIntervalAndThenFound() {
        CountingInference inference = new CountingInference();
        inference.installed.put("tagger", false);
        AtomicLong now = new AtomicLong();
        ModelAvailability availability = new ModelAvailability(inference, now::get);
        UserFacingException e = assertThrows(UserFacingException.class, () -> availability.require("tagger", ModelTask.TAGGER, "tagging"));
        assertEquals("The model for tagging (tagger) is not installed yet. An admin can install it with: ./acgbot models fetch tagger", e.getMessage());
        inference.installed.put("tagger", true); // an admin ran ./acgbot models fetch
        assertFalse(availability.isAvailable("tagger"), "within the interval the answer is remembered");
        now.set(ModelAvailability.RECHECK_MISSING.toNanos());
        assertTrue(availability.isAvailable("tagger"));
        assertEquals(2, inference.lookups.get());
    }

    @Test
    void aModelOfTheWrongTaskIsReportedAsNotSetUpAndForgetLooksAgain() {
        CountingInference inference = new CountingInference();
        inference.installed.put("tagger", true);
        ModelAvailability availability = new ModelAvailability(inference, () -> 0);
        UserFacingException e = assertThrows(UserFacingException.class, () -> availability.require("tagger", ModelTask.CLIP_TEXT, "text search"));
        assertEquals("The model for text search is not set up. An admin can set models.clip_text in the configuration.", e.getMessage());
        availability.forget("tagger");
        inference.installed.put("tagger", false);
        assertFalse(availability.isAvailable("tagger"));
    }
}
