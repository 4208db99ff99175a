-- Alcove schema v2. Portable SQL: runs on H2 (embedded) and PostgreSQL.
-- Audit rows become tamper-evident: each row stores the SHA-256 (hex) of its canonical encoding
-- together with the previous row's hash (see AuditChain). Rows written before this migration
-- have no hash yet; the server seals them in order on its next start.
-- `detail` holds an admin's typed reason, or for user.* events the affected account's id.

ALTER TABLE audit_events ADD COLUMN detail VARCHAR(500);
ALTER TABLE audit_events ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_events ADD COLUMN hash VARCHAR(64);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_participant ON audit_events (participant_id);

-- A disabled account cannot sign in and its tokens stop working at once.
ALTER TABLE users ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
