-- Schema version 1: the dealer network, the lead pool, the exchange with stores.
-- Portable SQL: SQLite and PostgreSQL both run this file unchanged.
CREATE TABLE hq_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE dealers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    postcodes TEXT NOT NULL,
    weight BIGINT NOT NULL
);

CREATE TABLE stores (
    recipient TEXT PRIMARY KEY,
    dealer_id TEXT NOT NULL REFERENCES dealers (id),
    public_key TEXT NOT NULL,
    salesperson TEXT NOT NULL,
    added_at TEXT NOT NULL
);

CREATE TABLE leads (
    id TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    kvk TEXT,
    name_key TEXT NOT NULL,
    postcode TEXT NOT NULL,
    interest TEXT NOT NULL,
    respond_by TEXT,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    recipient TEXT REFERENCES stores (recipient),
    dealer_id TEXT REFERENCES dealers (id),
    reason TEXT,
    routed_at TEXT,
    reported_status TEXT,
    reported_reason TEXT,
    reported_at TEXT,
    response_minutes BIGINT
);
CREATE INDEX leads_by_recipient ON leads (recipient);
CREATE INDEX leads_by_kvk ON leads (kvk, interest);
CREATE INDEX leads_by_name ON leads (name_key, postcode, interest);

CREATE TABLE declines (
    lead_id TEXT NOT NULL REFERENCES leads (id),
    dealer_id TEXT NOT NULL REFERENCES dealers (id),
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (lead_id, dealer_id)
);

CREATE TABLE outbox (
    recipient TEXT NOT NULL REFERENCES stores (recipient),
    kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    sent_sequence BIGINT,
    PRIMARY KEY (recipient, kind, item_id)
);

CREATE TABLE sent_bundles (
    recipient TEXT NOT NULL REFERENCES stores (recipient),
    sequence BIGINT NOT NULL,
    bundle_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (recipient, sequence)
);

CREATE TABLE ingested_bundles (
    recipient TEXT NOT NULL REFERENCES stores (recipient),
    sequence BIGINT NOT NULL,
    bundle_id TEXT NOT NULL,
    period_from TEXT,
    period_to TEXT,
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (recipient, sequence)
);

CREATE TABLE feedback_records (
    recipient TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    file TEXT NOT NULL,
    line BIGINT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (recipient, sequence, file, line)
);

CREATE TABLE lead_updates (
    recipient TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    line BIGINT NOT NULL,
    lead_id TEXT NOT NULL,
    from_status TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    at TEXT NOT NULL,
    response_minutes BIGINT,
    PRIMARY KEY (recipient, sequence, line)
);

CREATE TABLE deal_changes (
    recipient TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    line BIGINT NOT NULL,
    deal_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    lead_id TEXT,
    from_stage TEXT NOT NULL,
    to_stage TEXT NOT NULL,
    value_cents BIGINT NOT NULL,
    lost_reason TEXT,
    incentive BIGINT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (recipient, sequence, line)
);

CREATE TABLE dealer_accounts (
    recipient TEXT NOT NULL,
    account_id TEXT NOT NULL,
    dealer_id TEXT NOT NULL,
    name_key TEXT NOT NULL,
    kvk TEXT,
    postcode TEXT NOT NULL,
    lifecycle TEXT NOT NULL,
    merged_into TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (recipient, account_id)
);
CREATE INDEX dealer_accounts_by_kvk ON dealer_accounts (kvk);
CREATE INDEX dealer_accounts_by_name ON dealer_accounts (name_key, postcode);
