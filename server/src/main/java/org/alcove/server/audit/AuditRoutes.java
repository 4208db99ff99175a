package org.alcove.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.alcove.server.http.ApiException;
import org.alcove.server.http.ApiRequest;
import org.alcove.server.http.Reply;
import org.alcove.server.http.Router;
import org.eclipse.jetty.http.HttpHeader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code GET /api/admin/audit?from&to&sessionId&participantId&type&after&limit&format}: audit
 * rows oldest first, filtered, at most {@code limit} (default {@value #DEFAULT_LIMIT}, at most
 * {@value #MAX_LIMIT}); {@code after} pages on from a row's {@code seq}. JSON or CSV (RFC 4180,
 * written by Jackson's CSV module).
 */
public final class AuditRoutes {
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z.-]{0,59}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final CsvMapper CSV = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("seq").addColumn("at").addColumn("event").addColumn("outcome").addColumn("sessionId")
            .addColumn("participantId").addColumn("role").addColumn("actorId").addColumn("detail")
            .addColumn("prevHash").addColumn("hash")
            .build().withHeader();

    private final AuditLog audit;
    private final Consumer<ApiRequest> requireAdmin;

    /** One row as the API shows it. */
    record RowView(long seq, Instant at, String event, String outcome, String sessionId, String participantId,
                   String role, String actorId, String detail, String prevHash, String hash) {
        static RowView of(AuditRow row) {
            var e = row.event();
            return new RowView(row.seq(), e.at(), e.event(), e.outcome(), e.sessionId(), e.participantId(), e.role(),
                    e.actorId(), e.detail(), row.prevHash(), row.hash());
        }
    }

    /** {@code next} is the {@code after} value for the following page, absent on the last page. */
    record Page(List<RowView> rows, Long next) {
    }

    /** @param requireAdmin auth's admin check, passed in: auth writes the trail, so the trail cannot use auth */
    public AuditRoutes(AuditLog audit, Consumer<ApiRequest> requireAdmin) {
        this.audit = audit;
        this.requireAdmin = requireAdmin;
    }

    public void register(Router router) {
        router.add("GET", "/api/admin/audit", this::list);
    }

    private Reply list(ApiRequest request) {
        requireAdmin.accept(request);
        String format = request.query("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.invalidField("format", "Field 'format' must be 'json' or 'csv'.");
        }
        int limit = number(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        AuditQuery query = new AuditQuery(instant(request, "from"), instant(request, "to"),
                matching(request, "sessionId", ID), matching(request, "participantId", ID),
                matching(request, "type", TYPE), number(request, "after", 0, 0, Integer.MAX_VALUE), limit + 1);
        List<AuditRow> found = audit.find(query);
        boolean more = found.size() > limit;
        List<RowView> rows = found.stream().limit(limit).map(RowView::of).toList();
        Long next = more ? rows.get(rows.size() - 1).seq() : null;
        if (format.equals("json")) {
            return Reply.ok(new Page(rows, next));
        }
        byte[] csv = csv(rows);
        return Reply.stream((response, callback) -> {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/csv; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"alcove-audit.csv\"");
            if (next != null) {
                response.getHeaders().put("Alcove-Next-After", String.valueOf(next));
            }
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, csv.length);
            response.write(true, ByteBuffer.wrap(csv), callback);
        });
    }

    private static byte[] csv(List<RowView> rows) {
        try {
            List<RowView> safe = rows.stream().map(AuditRoutes::spreadsheetSafe).toList();
            return CSV.writer(SCHEMA).writeValueAsString(safe).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit CSV", e);
        }
    }

    /**
     * The reason an admin typed is the only free text: one that starts like a formula gets a
     * leading apostrophe, so a spreadsheet opening the export shows it instead of running it.
     */
    private static RowView spreadsheetSafe(RowView row) {
        String detail = row.detail();
        if (detail == null || detail.isEmpty() || "=+-@\t\r".indexOf(detail.charAt(0)) < 0) {
            return row;
        }
        return new RowView(row.seq(), row.at(), row.event(), row.outcome(), row.sessionId(), row.participantId(),
                row.role(), row.actorId(), "'" + detail, row.prevHash(), row.hash());
    }

    private static Instant instant(ApiRequest request, String name) {
        return request.query(name).map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField(name, "Field '" + name + "' must be an ISO-8601 instant.");
            }
        }).orElse(null);
    }

    private static String matching(ApiRequest request, String name, Pattern pattern) {
        return request.query(name).map(value -> {
            if (!pattern.matcher(value).matches()) {
                throw ApiException.invalidField(name, "Field '" + name + "' is invalid.");
            }
            return value;
        }).orElse(null);
    }

    private static int number(ApiRequest request, String name, int fallback, int min, int max) {
        return request.query(name).map(value -> {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // Reported below.
            }
            throw ApiException.invalidField(name, "Field '" + name + "' must be a whole number from " + min
                    + " to " + max + ".");
        }).orElse(fallback);
    }
}
