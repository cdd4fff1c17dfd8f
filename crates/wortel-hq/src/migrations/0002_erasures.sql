-- Schema version 2: erasures done at head office (issue 19). No personal data: the request,
-- where it came from and head office's lead ids, so the same erasure is never done twice.
CREATE TABLE erasures (
    request_id TEXT PRIMARY KEY,
    requested_at TEXT NOT NULL,
    source TEXT NOT NULL,
    lead_ids TEXT NOT NULL,
    done_at TEXT NOT NULL
);
