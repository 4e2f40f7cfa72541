package dev.acgbot.commands.admin;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.gallery.ReindexStages;
import dev.acgbot.gallery.ReindexSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The final /reindex reply: the counts, then images/s overall and per stage (issue 15 goal 5), in both languages. */
class ReindexSummaryLineTest {
    /** 40 images in 20 s of indexing; two decode threads spent 1.6 s, commits 0.05 s; the tagger's runs 14.4 s. */
    static final ReindexStages STAGES = new ReindexStages(Duration.ofSeconds(20), 40,
            new ReindexStages.Stage(40, Duration.ofMillis(1600)),
            List.of(new ReindexStages.ModelStage("clip", 224, 40, Duration.ofMillis(400)),
                    new ReindexStages.ModelStage("tagger", 448, 40, Duration.ofMillis(800))),
            List.of(new ReindexStages.ModelStage("clip", 224, 40, Duration.ofMillis(4000)),
                    new ReindexStages.ModelStage("tagger", 448, 40, Duration.ofMillis(14400))),
            new ReindexStages.Stage(40, Duration.ofMillis(50)), 0.93);
    static final ReindexSummary SUMMARY = new ReindexSummary(38, 2, 0, 5, 0, 0, Duration.ofMillis(21500), STAGES, false, 0);

    @Test
    void englishReplyGivesTheCountsThenImagesPerSecondOverallAndPerStage() {
        assertEquals("Reindex done: added 38, updated 2, removed 0, unchanged 5, failed 0 in 21.5 s (engine busy 93 %).\n"
                        + "Speed: 2.00 images/s overall; per stage, images/s: decode 25.0, preprocess clip 100, tagger 50.0, "
                        + "inference clip 10.0, tagger 2.78, commit 800.",
                ReindexJob.summaryLine(SUMMARY, Language.EN));
    }

    @Test
    void chineseReplySaysTheSame() {
        assertEquals("重建索引完成：新增 38，更新 2，移除 0，未变 5，失败 0，用时 21.5 秒（引擎繁忙 93 %）。\n"
                        + "速度：总计每秒 2.00 张；各阶段每秒张数：解码 25.0，预处理 clip 100、tagger 50.0，推理 clip 10.0、tagger 2.78，写入 800。",
                ReindexJob.summaryLine(SUMMARY, Language.ZH));
    }

    @Test
    void aRunThatIndexedNothingHasNoSpeedLine() {
        ReindexSummary nothing = new ReindexSummary(0, 0, 0, 45, 0, Duration.ofMillis(300), false);
        assertEquals("Reindex done: added 0, updated 0, removed 0, unchanged 45, failed 0 in 0.3 s (engine busy 0 %).",
                ReindexJob.summaryLine(nothing, Language.EN));
    }

    @Test
    void theOperatorsLineListsEveryStageAndEachModelsShareOfTheBusyTime() {
        assertEquals("2.00 images/s overall (40 in 20.0 s); per stage, images/s: decode 25.0, preprocess clip (224) 100.0, "
                + "tagger (448) 50.0, inference clip 10.0, tagger 2.8, commit 800.0; engine busy 93 % (clip 20 %, tagger 72 %)", STAGES.toString());
    }
}
