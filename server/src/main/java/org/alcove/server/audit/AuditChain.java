package org.alcove.server.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How audit rows are chained. A row's hash is the SHA-256 (lower-case hex) of a JSON array of
 * a version tag, every stored field in a fixed order (absent ones as {@code null}, the time as
 * an ISO-8601 instant) and the previous row's hash; the first row's previous hash is
 * {@link #GENESIS}. Changing, deleting, inserting or reordering a row breaks the chain at or
 * right after that row.
 */
public final class AuditChain {
    /** The previous hash of the very first row. */
    public static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "alcove-audit-v1";
    /** Writes the canonical array; the same bytes ObjectMapper wrote for a list of strings and nulls. */
    private static final JsonFactory JSON = new JsonFactory();
    /** Cloned per hash: looking the algorithm up through the providers cost more than the digest. */
    private static final MessageDigest SHA_256 = sha256();

    private AuditChain() {
    }

    public static String hash(AuditEvent event, String prevHash) {
        String[] fields = {VERSION, event.at().toString(), event.sessionId(), event.participantId(), event.role(),
                event.event(), event.outcome(), event.actorId(), event.detail(), prevHash};
        ByteArrayOutputStream canonical = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(canonical)) {
            json.writeStartArray();
            for (String field : fields) {
                json.writeString(field);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an audit row", e);
        }
        return HexFormat.of().formatHex(digest().digest(canonical.toByteArray()));
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash an audit row", e);
        }
    }

    /** The first row whose links do not hold, or none: what {@code alcove audit verify} reports. */
    public record Verdict(long rows, AuditRow brokenAt) {
        public boolean ok() {
            return brokenAt == null;
        }

        /** {@code audit chain OK: N rows} or {@code audit chain BROKEN at row <seq> (<at> <event>)}. */
        public String describe() {
            return ok() ? "audit chain OK: " + rows + " rows"
                    : "audit chain BROKEN at row " + brokenAt.seq() + " (" + brokenAt.event().at() + " "
                    + brokenAt.event().event() + ")";
        }
    }

    /** Checks rows in {@code seq} order; feed every row, then ask {@link #verdict()}. */
    public static final class Walk {
        private String prev = GENESIS;
        private long rows;
        private AuditRow broken;

        public void accept(AuditRow row) {
            if (broken != null) {
                return;
            }
            rows++;
            if (!prev.equals(row.prevHash()) || row.hash() == null || !row.hash().equals(hash(row.event(), prev))) {
                broken = row;
                return;
            }
            prev = row.hash();
        }

        public Verdict verdict() {
            return new Verdict(rows, broken);
        }
    }

}
