-- Schema version 3: lead programmes (issue 22). What the programmes read from feedback (an
-- account's display name, city and kind, since when it has its lifecycle, its installed base, a
-- deal's product), the programmes themselves, and one row per cause a programme made a lead
-- for, so a second run makes none.
ALTER TABLE dealer_accounts ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE dealer_accounts ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE dealer_accounts ADD COLUMN kind TEXT NOT NULL DEFAULT 'company';
ALTER TABLE dealer_accounts ADD COLUMN lifecycle_since TEXT;
ALTER TABLE deal_changes ADD COLUMN product TEXT;

CREATE TABLE installed_base (
    recipient TEXT NOT NULL,
    account_id TEXT NOT NULL,
    line BIGINT NOT NULL,
    product TEXT NOT NULL,
    purchased_on TEXT NOT NULL,
    replace_by TEXT,
    PRIMARY KEY (recipient, account_id, line)
);
CREATE INDEX installed_base_by_date ON installed_base (replace_by);

-- Replacement leads a store made itself (their `replacement of … due …` signal): the
-- replacement programme makes none for the same company, product and date.
CREATE TABLE dealer_replacements (
    recipient TEXT NOT NULL,
    lead_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    signal TEXT NOT NULL,
    PRIMARY KEY (recipient, lead_id, signal)
);

CREATE TABLE programmes (
    name TEXT PRIMARY KEY,
    rule TEXT NOT NULL,
    campaign TEXT NOT NULL,
    months BIGINT NOT NULL,
    reasons TEXT NOT NULL,
    added_at TEXT NOT NULL
);

CREATE TABLE programme_leads (
    cause TEXT PRIMARY KEY,
    programme TEXT NOT NULL REFERENCES programmes (name),
    lead_id TEXT NOT NULL REFERENCES leads (id),
    recipient TEXT NOT NULL,
    dealer_id TEXT NOT NULL,
    made_at TEXT NOT NULL
);
CREATE INDEX programme_leads_by_lead ON programme_leads (lead_id);
