package dev.acgbot.core.config;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;

/**
 * {@code limits:} token buckets per user and per chat.
 *
 * @param exemptAdmins admins are not rate-limited
 */
public record LimitsSettings(Bucket perUser, Bucket perChat, boolean exemptAdmins) {
    public static final LimitsSettings DEFAULTS = new LimitsSettings(new Bucket(5, 20), new Bucket(20, 60), true);
    public static final SettingsSection<LimitsSettings> SECTION = new SettingsSection<>("limits", LimitsSettings.class, DEFAULTS);

    /** Each may burst {@code capacity} commands, refilled at {@code refillPerMinute}. */
    public record Bucket(int capacity, double refillPerMinute) {
        public Bucket {
            if (capacity <= 0) {
                throw new ConfigException("capacity", "must be greater than zero");
            }
            if (!(refillPerMinute > 0)) {
                throw new ConfigException("refill_per_minute", "must be greater than zero");
            }
        }
    }
}
