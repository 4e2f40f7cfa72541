package dev.acgbot.core.permissions;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.core.config.AdminSettings;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who is an admin: user ids listed per platform under {@code admins:} (immutable ids, never user names),
 * plus the local console operator, plus a platform's own admin flag where the adapter sets it.
 */
public final class Permissions {
    public static final String CONSOLE = "console";

    private final Map<String, Set<String>> adminsByPlatform;

    public Permissions(Map<String, Set<String>> adminsByPlatform) {
        this.adminsByPlatform = Map.copyOf(adminsByPlatform);
    }

    public static Permissions fromConfig(AdminSettings admins) {
        Map<String, Set<String>> map = new HashMap<>();
        admins.byPlatform().forEach((platform, ids) -> map.put(platform, Set.copyOf(ids)));
        return new Permissions(map);
    }

    public boolean isAdmin(MessageOrigin origin) {
        if (CONSOLE.equals(origin.platform()) || origin.platformAdmin()) {
            return true;
        }
        return adminsByPlatform.getOrDefault(origin.platform(), Set.of()).contains(origin.user().id());
    }
}
