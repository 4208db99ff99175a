package org.alcove.server.auth;

/**
 * A join token was refused. {@link Kind#INVALID} covers every forgery, corruption and
 * claim mismatch alike and carries no claims. {@link Kind#NOT_YET_VALID} and
 * {@link Kind#EXPIRED} are only raised after the signature verified, so their
 * {@link #claims()} can be trusted to show the right page ("starts at 14:00", "expired").
 */
public final class JoinTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        INVALID, NOT_YET_VALID, EXPIRED
    }

    private final Kind kind;
    private final transient JoinClaims claims;

    public JoinTokenException(Kind kind, JoinClaims claims) {
        super(kind.name(), null, false, false);
        this.kind = kind;
        this.claims = claims;
    }

    public Kind kind() {
        return kind;
    }

    /** Verified claims for NOT_YET_VALID and EXPIRED; {@code null} for INVALID. */
    public JoinClaims claims() {
        return claims;
    }
}
