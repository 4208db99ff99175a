package org.alcove.server.audit;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigException;
import org.alcove.server.config.ConfigLoader;
import org.alcove.server.store.Database;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code alcove audit verify [--data DIR]}: walks the audit hash chain of the configured database
 * and prints {@code audit chain OK: N rows} (exit 0) or {@code audit chain BROKEN at row <seq>
 * (<at> <event>)} (exit 1). Usage errors exit 2. The embedded database can be open in one
 * process only: stop the server first, or point both at PostgreSQL.
 */
public final class AuditVerify {
    static final String USAGE = "Usage: alcove audit verify [--data DIR]";

    private AuditVerify() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the check; returns the exit status. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> overrides = new HashMap<>();
        int i = 0;
        if (args.length > 0 && args[0].equals("verify")) {
            i++;
        }
        for (; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) {
                overrides.put("store.data-dir", args[++i]);
            } else {
                err.println("alcove: unknown option " + args[i]);
                err.println(USAGE);
                return 2;
            }
        }
        AlcoveConfig config;
        try {
            config = ConfigLoader.load(env, overrides);
        } catch (ConfigException e) {
            err.println("alcove: " + e.getMessage());
            return 2;
        }
        if (config.store().jdbcUrl() == null && !Files.isDirectory(config.store().dataDir())) {
            err.println("alcove: no data directory at " + config.store().dataDir());
            return 2;
        }
        try (Database database = Database.open(config.store())) {
            AuditChain.Verdict verdict = new AuditLog(database).verify();
            out.println(verdict.describe());
            return verdict.ok() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("alcove: cannot read the audit trail: " + e.getMessage());
            return 2;
        }
    }
}
