package org.alcove.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    public static String hash(AuditEvent event, String prevHash) {
        Object[] fields = {VERSION, event.at().toString(), event.sessionId(), event.participantId(), event.role(),
                event.event(), event.outcome(), event.actorId(), event.detail(), prevHash};
        try {
            byte[] canonical = JSON.writeValueAsBytes(Arrays.asList(fields));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
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
