package org.alcove.server.ops;

import org.alcove.server.http.Reply;
import org.alcove.server.http.Router;
import org.alcove.server.store.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /readyz}: 200 while the database answers and the server takes sessions; 503 with
 * the reasons otherwise ({@code database-unreachable}, {@code draining}). {@code /healthz}
 * only says the process serves HTTP; this one says whether to send it traffic.
 */
public final class Readiness {
    private final Database database;
    private final Drain drain;

    public Readiness(Database database, Drain drain) {
        this.database = database;
        this.drain = drain;
    }

    public void register(Router router) {
        router.add("GET", "/readyz", request -> check());
    }

    Reply check() {
        List<String> reasons = new ArrayList<>();
        if (drain.underway()) {
            reasons.add("draining");
        }
        // Once draining, the answer is settled: no need to hold a pool connection for it.
        if (reasons.isEmpty() && !database.ping()) {
            reasons.add("database-unreachable");
        }
        if (reasons.isEmpty()) {
            return Reply.ok(Map.of("status", "ready"));
        }
        return new Reply(503, Map.of("status", "not-ready", "reasons", reasons), List.of());
    }
}
