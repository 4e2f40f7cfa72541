package dev.acgbot.app;

import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.app.cli.CliException;
import org.mapdb.DBException;

/** Which failures of a subcommand the user caused, and the one line that tells them so. */
public final class UserErrors {
    public static final String STORE_IN_USE = "the gallery is in use by a running bot; stop it or use /reindex";

    private UserErrors() {
    }

    /** The line for stderr, or null when the failure is a bug whose stack trace the operator needs. */
    static String oneLine(Throwable e) {
        if (e instanceof ConfigException) {
            return "acgbot: configuration error: " + e.getMessage();
        }
        if (e instanceof CliException) {
            return "acgbot: " + e.getMessage();
        }
        if (storeLocked(e)) {
            return "acgbot: " + STORE_IN_USE;
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            // unknown model ids, malformed manifests and option values: the message names what is wrong
            return "acgbot: " + e.getMessage();
        }
        return null;
    }

    static int exitCode(Throwable e) {
        if (e instanceof CliException cli) {
            return cli.exitCode();
        }
        return storeLocked(e) ? 1 : 2;
    }

    /** MapDB refuses a second opener of the store file (another process: the running bot). */
    static boolean storeLocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DBException.FileLocked) {
                return true;
            }
        }
        return false;
    }
}
