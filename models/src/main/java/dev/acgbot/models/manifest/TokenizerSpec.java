package dev.acgbot.models.manifest;

/**
 * How a text tower's input ids are made.
 *
 * @param kind          tokenizer family
 * @param file          vocabulary or tokenizer.json: a file name of this manifest, or {@code classpath:...}
 * @param contextLength total ids per text, special tokens included; shorter texts are padded
 * @param padId         id written after the end of the text
 * @param lowercase     lower-case before splitting (WordPiece); BPE tokenizer.json files carry their own
 *                      normaliser
 * @param languages     which of the probe languages ({@code zh}, {@code en}) the text tower understands:
 *                      {@code models check} probes colour words in these (default both; OpenAI CLIP: [en])
 */
public record TokenizerSpec(Kind kind, String file, int contextLength, long padId, boolean lowercase,
                            java.util.List<String> languages) {

    public TokenizerSpec {
        languages = java.util.List.copyOf(languages);
    }

    public TokenizerSpec(Kind kind, String file, int contextLength, long padId, boolean lowercase) {
        this(kind, file, contextLength, padId, lowercase, java.util.List.of("zh", "en"));
    }

    public enum Kind {
        /** BERT WordPiece from a vocab.txt ({@code [CLS]} text {@code [SEP]}), e.g. Chinese-CLIP. */
        BERT_WORDPIECE("bert-wordpiece"),
        /** OpenAI CLIP byte-level BPE from a Hugging Face tokenizer.json (SOT text EOT). */
        CLIP_BPE("clip-bpe"),
        /** Any Hugging Face tokenizer.json used as it is, its post-processor adding the special tokens. */
        HF_TOKENIZER_JSON("hf-tokenizer-json");

        private final String manifestName;

        Kind(String manifestName) {
            this.manifestName = manifestName;
        }

        public String manifestName() {
            return manifestName;
        }
    }
}
