package dev.acgbot.api.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One family of message bundles, {@code <base>_en.properties}, {@code <base>_zh.properties},
 * {@code <base>_ja.properties}, read as UTF-8, with {@link MessageFormat} patterns: arguments {@code {0}}, numbers
 * {@code {0,number,#.##}} and plurals as choices {@code {0,choice,1#one image|1<{0} images}} (Chinese and Japanese
 * need no plural forms; English needs only one and other, which ChoiceFormat expresses exactly, so ICU4J is not
 * needed for the languages we ship).
 * A key missing in one language falls back to English (a test keeps the bundles complete); a key missing
 * everywhere is shown as itself, so a mistake is visible rather than a crash in front of a user. A family that
 * ships no bundle at all for a language (a plugin written before that language was added) answers it in English.
 */
public final class Messages {
    private final String base;
    private final Map<Language, Properties> bundles;

    private Messages(String base, Map<Language, Properties> bundles) {
        this.base = base;
        this.bundles = bundles;
    }

    /** @param base resource path without language and extension, e.g. {@code dev/acgbot/core/messages} */
    public static Messages load(String base, ClassLoader loader) {
        Map<Language, Properties> bundles = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String path = base + "_" + language.tag() + ".properties";
            Properties properties = new Properties();
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in != null) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read message bundle " + path, e);
            }
            bundles.put(language, properties);
        }
        if (bundles.get(Language.EN).isEmpty()) {
            throw new IllegalStateException("no English message bundle at " + base + "_en.properties");
        }
        return new Messages(base, bundles);
    }

    /** The message for {@code key} in {@code language}, with its arguments filled in. */
    public String format(Language language, String key, Object... args) {
        String pattern = bundles.get(language).getProperty(key);
        if (pattern == null) {
            pattern = bundles.get(Language.EN).getProperty(key);
        }
        if (pattern == null) {
            return key;
        }
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    /** The same message, worded later in whichever language the chat turns out to speak. */
    public LocalText text(String key, Object... args) {
        Object[] copy = args.clone();
        return language -> format(language, key, copy);
    }

    /** The languages this family ships a bundle for; the others are answered in English. */
    public Set<Language> languages() {
        Set<Language> shipped = EnumSet.noneOf(Language.class);
        bundles.forEach((language, bundle) -> {
            if (!bundle.isEmpty()) {
                shipped.add(language);
            }
        });
        return shipped;
    }

    /** Every key of one language's bundle (tests compare them across languages). */
    public Set<String> keys(Language language) {
        return new TreeSet<>(bundles.get(language).stringPropertyNames());
    }

    /**
     * What is wrong with the bundles, one line each, empty when they are complete: keys one shipped language lacks
     * (a language with no bundle at all is answered in English, see {@link #languages()}), patterns MessageFormat
     * cannot parse, patterns whose arguments ({0}, {1}, ...) differ between languages (a translation that drops an
     * argument hides a number from the user), and a lone apostrophe before a letter, which MessageFormat takes as
     * the start of quoted text and drops ("operator's" is shown as "operators"; write ''). Plugins assert this is
     * empty in a test.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> all = new TreeSet<>();
        bundles.values().forEach(b -> all.addAll(b.stringPropertyNames()));
        for (String key : all) {
            Set<Integer> englishArguments = null;
            for (Language language : languages()) {
                String pattern = bundles.get(language).getProperty(key);
                if (pattern != null && LONE_APOSTROPHE.matcher(pattern).find()) {
                    problems.add(base + "_" + language.tag() + ": " + key + " has a lone ' that MessageFormat drops; write ''");
                }
                if (pattern == null) {
                    problems.add(base + "_" + language.tag() + ": missing " + key);
                    continue;
                }
                Set<Integer> arguments;
                try {
                    arguments = arguments(new MessageFormat(pattern, language.locale()));
                } catch (IllegalArgumentException e) {
                    problems.add(base + "_" + language.tag() + ": " + key + " does not parse: " + e.getMessage());
                    continue;
                }
                if (englishArguments == null) {
                    englishArguments = arguments;
                } else if (!englishArguments.equals(arguments)) {
                    problems.add(base + "_" + language.tag() + ": " + key + " uses arguments " + arguments + ", English uses "
                            + englishArguments);
                }
            }
        }
        return problems;
    }

    /** The argument indexes a pattern uses, including those inside choice sub-patterns. */
    private static Set<Integer> arguments(MessageFormat format) {
        Set<Integer> used = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(format.toPattern());
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        return used;
    }

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    /** An apostrophe neither doubled nor quoting a brace: a letter on both sides, as in "it's". */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("\\p{L}'\\p{L}");

    public String base() {
        return base;
    }
}
