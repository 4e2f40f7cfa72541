#!/usr/bin/python3
"""Writes the Chinese-CLIP tokenizer hard cases the Java tokenizer is tested against.

    /usr/bin/python3 models/scripts/text/make_cn_clip_tokenizer_cases.py

The reference is a re-implementation of the logic of Chinese-CLIP's own cn_clip/clip/bert_tokenizer.py
(FullTokenizer = BasicTokenizer + WordpieceTokenizer, do_lower_case=True) and of cn_clip/clip/utils.py
tokenize (context 52: [CLS] + ids[:50] + [SEP], zero padded), written from reading that code: the same
steps in the same order, on Python's own str and unicodedata, which is what defines the behaviour (its
CJK ranges, the 200-character word limit, what counts as control, whitespace and punctuation, lower() and
NFD accent stripping). Output: models/src/test/resources/text/cn-clip-tokenizer-cases.json, with the
Python and Unicode versions used, each text's tokens and its 52 ids.
"""
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.normpath(os.path.join(HERE, "..", ".."))
VOCAB = os.path.join(MODELS, "src", "main", "resources", "dev", "acgbot", "models", "tokenizers", "cn-clip", "vocab.txt")
OUT = os.path.join(MODELS, "src", "test", "resources", "text", "cn-clip-tokenizer-cases.json")
CONTEXT = 52
MAX_WORD_CHARS = 200  # WordpieceTokenizer(max_input_chars_per_word=200)

# the code point ranges bert_tokenizer.py treats as Chinese characters (spaces are put around each)
CJK_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F), (0x2B740, 0x2B81F),
              (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


def read_vocab(path):
    """Token -> 0-based line number; each line stripped; a repeated token keeps its last line."""
    vocab = {}
    with open(path, "r", encoding="utf-8") as f:
        for number, line in enumerate(f):
            vocab[line.strip()] = number
    return vocab


def is_cjk(cp):
    return any(lo <= cp <= hi for lo, hi in CJK_RANGES)


def is_whitespace(ch):
    return ch in (" ", "\t", "\n", "\r") or unicodedata.category(ch) == "Zs"


def is_control(ch):
    if ch in ("\t", "\n", "\r"):
        return False
    return unicodedata.category(ch) in ("Cc", "Cf")


def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True  # every non-alphanumeric ASCII character counts
    return unicodedata.category(ch).startswith("P")


def clean(text):
    out = []
    for ch in text:
        if ord(ch) in (0, 0xFFFD) or is_control(ch):
            continue
        out.append(" " if is_whitespace(ch) else ch)
    return "".join(out)


def space_cjk(text):
    return "".join(f" {ch} " if is_cjk(ord(ch)) else ch for ch in text)


def strip_accents(word):
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if unicodedata.category(ch) != "Mn")


def split_punctuation(word):
    pieces, current = [], None
    for ch in word:
        if is_punctuation(ch):
            pieces.append(ch)
            current = None
        else:
            if current is None:
                pieces.append("")
                current = len(pieces) - 1
            pieces[current] += ch
    return pieces


def basic_tokens(text, lower=True):
    words = []
    for word in space_cjk(clean(text)).split():
        if lower:
            word = strip_accents(word.lower())
        words.extend(split_punctuation(word))
    return " ".join(words).split()


def wordpieces(word, vocab):
    chars = list(word)
    if len(chars) > MAX_WORD_CHARS:
        return ["[UNK]"]
    pieces, start = [], 0
    while start < len(chars):
        end, found = len(chars), None
        while start < end:
            candidate = ("##" if start > 0 else "") + "".join(chars[start:end])
            if candidate in vocab:
                found = candidate
                break
            end -= 1
        if found is None:
            return ["[UNK]"]
        pieces.append(found)
        start = end
    return pieces


def tokenize(text, vocab):
    tokens = []
    for word in basic_tokens(text):
        for piece in word.split():
            tokens.extend(wordpieces(piece, vocab))
    ids = [vocab[t] for t in tokens]
    framed = [vocab["[CLS]"]] + ids[:CONTEXT - 2] + [vocab["[SEP]"]]
    return tokens, framed + [0] * (CONTEXT - len(framed)), len(ids) > CONTEXT - 2


def hard_cases():
    c = []
    # plain
    c += ["樱花", "粉色的樱花", "red blue", "RED Blue", "a photo of a cat", "猫咪在沙发上睡觉", "二次元 少女 初音ミク",
          "粉色的 sakura 🌸🌸 in Tokyo!!", "", "   \n\t", "Hello, World! It's 2024年12月。", "东京タワーの夜景"]
    # long words around the 200-character limit (code points, not UTF-16 units), and an over-long CJK run
    c += ["a" * 99, "a" * 100, "a" * 101, "a" * 199, "a" * 200, "a" * 201, "ab" * 100, "ab" * 100 + "c",
          "unaffable" * 22, "x" + "\U0001D49C" * 150, "\U0001D49C" * 199 + "a", "樱" * 300, "word " * 80]
    # private use, unassigned, noncharacters, surrogate-plane neighbours
    c += ["a\ue000b", "\uf8ff", "x\U000F0000y", "\U0010FFFD", "\u0378", "q\u0378q", "\U0002FFFE", "\uFDD0z",
          "\U000E0001tag", "\U000E0100"]
    # every CJK block, first / last / middle code point, glued to Latin letters on both sides
    blocks = {"unified": (0x4E00, 0x9FFF), "ext-a": (0x3400, 0x4DBF), "ext-b": (0x20000, 0x2A6DF),
              "ext-c": (0x2A700, 0x2B739), "ext-d": (0x2B740, 0x2B81D), "ext-e": (0x2B820, 0x2CEA1),
              "ext-f": (0x2CEB0, 0x2EBE0), "ext-g": (0x30000, 0x3134A), "ext-h": (0x31350, 0x323AF),
              "ext-i": (0x2EBF0, 0x2EE5D), "compat": (0xF900, 0xFAD9), "compat-supplement": (0x2F800, 0x2FA1D),
              "radicals": (0x2E80, 0x2EF3), "kangxi": (0x2F00, 0x2FD5), "strokes": (0x31C0, 0x31E3)}
    for lo, hi in blocks.values():
        mid = (lo + hi) // 2
        c.append("a" + chr(lo) + chr(mid) + chr(hi) + "b")
        c.append(chr(lo) + " " + chr(hi))
    c += ["\u9FFF\uA000", "\u33FF\u3400", "\u4DC0\u4DBF", "\U0002A6DF\U0002A6E0", "\U0002B73F\U0002B740",
          "\U0002CEAF\U0002CEB0", "\U0002FA1F\U0002FA20"]
    # Greek final sigma and other casing that is not one-to-one
    c += ["ΟΔΥΣΣΕΥΣ", "ΣΑΣ.", "Σ", "ΑΣ Β", "ΑΣ1", "ΑΣ-Β", "Σ'Σ", "ὈΔΥΣΣΕΎΣ", "İstanbul", "ǅemal", "ẞtraße",
          "ﬁne ﬂag", "ΆΈΉ", "Kelvin \u212A", "\u0130\u0307"]
    # accents, combining marks, compatibility forms, Hangul (NFD splits syllables into jamo)
    c += ["Café naïve Ångström", "e\u0301e\u0300", "\u0301start", "Ｆｕｌｌ ｗｉｄｔｈ １２３", "한국어 텍스트",
          "ﾊﾝｶｸ ｶﾀｶﾅ", "mañana ÑANDÚ", "Zürich", "\u1100\u1161", "é" * 150, "ç\u0327"]
    # controls, format characters, odd whitespace and separators
    c += ["a\u200bb", "a\u200db", "\ufeffbom", "soft\u00adhyphen", "del\x7fete", "nel\x85line", "line\u2028sep",
          "para\u2029sep", "ideo\u3000space", "no\u00a0break", "\ufffd\ufffd", "\x00null", "tab\there",
          "vt\x0bff\x0c", "fs\x1cgs\x1drs\x1eus\x1f", "\u180emongolian", "\u2060join", "\u061carabic",
          "\u202eright\u202c", "ogham\u1680space", "thin\u2009space", "\u00a0\u2007\u202f"]
    # punctuation: ASCII symbols count, Unicode P* counts, symbols (S*) do not
    c += ["$100 ^_^ `code` ~tilde~ |pipe|", "「引号」、句号。", "—dash–", "…", "¿Qué?", "« guillemets »", "©®™",
          "1+1=2", "a/b\\c", "email@example.com", "#hashtag", "50% off", "¥100 €5 £3", "♥♡☆★", "\u2E5D"]
    # emoji: old, recent (Unicode 14-15.1), skin tones, ZWJ sequences, flags, keycaps, variation selectors
    c += ["🌸", "😀😃", "🫠", "🫨", "🩷", "🐦\u200d🔥", "🍋\u200d🟩", "👩\u200d💻", "👍🏽", "🇯🇵🇨🇳", "1\ufe0f\u20e3",
          "❤\ufe0f", "☺\ufe0e", "🏳\ufe0f\u200d🌈", "樱花🌸很美"]
    # mixed and long enough to truncate
    c += ["初音ミク Hatsune Miku ボーカロイド VOCALOID 葱 ネギ twintails 双马尾 " * 3,
          "一二三四五六七八九十" * 6, "the quick brown fox jumps over the lazy dog " * 6]
    return c


def main():
    vocab = read_vocab(VOCAB)
    cases = []
    for text in hard_cases():
        tokens, ids, truncated = tokenize(text, vocab)
        cases.append({"text": text, "tokens": tokens, "ids": ids, "truncated": truncated})
    doc = {"reference": "cn_clip/clip/bert_tokenizer.py FullTokenizer(do_lower_case=True) + utils.tokenize(context 52)",
           "python": sys.version.split()[0], "unicode": unicodedata.unidata_version, "cases": cases}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:  # one case per line: reviewable diffs
        head = {k: v for k, v in doc.items() if k != "cases"}
        f.write(json.dumps(head, ensure_ascii=True)[:-1] + ', "cases": [\n')
        f.write(",\n".join(json.dumps(c, ensure_ascii=True) for c in cases))
        f.write("\n]}\n")
    print("wrote", len(cases), "cases to", OUT, file=sys.stderr)


if __name__ == "__main__":
    main()
