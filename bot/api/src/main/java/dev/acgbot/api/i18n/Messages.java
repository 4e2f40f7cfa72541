package dev.acgbot.api.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * One family of message bundles, {@code <base>_en.properties}, {@code <base>_zh.properties}, read as UTF-8, with
 * {@link MessageFormat} patterns: arguments {@code {0}}, numbers {@code {0,number,#.##}} and plurals as choices
 * {@code {0,choice,1#one image|1<{0} images}} (Chinese needs no plural forms; English needs only one and other,
 * which ChoiceFormat expresses exactly, so ICU4J is not needed for the two languages we ship).
 * A key missing in one language falls back to English (a test keeps the bundles complete); a key missing
 * everywhere is shown as itself, so a mistake is visible rather than a crash in front of a user.
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

    /** Every key of one language's bundle (tests compare them across languages). */
    public Set<String> keys(Language language) {
        return new TreeSet<>(bundles.get(language).stringPropertyNames());
    }

    public String base() {
        return base;
    }
}
