-- The first schema. Later releases add V2__..., V3__...; never edit a migration that has shipped.
-- Written in the SQL that H2 (embedded default) and PostgreSQL (a fleet's shared history) both accept.

CREATE SEQUENCE scan_run_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE rejection_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE scan_run (
    id               BIGINT PRIMARY KEY,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    host             VARCHAR(255)  NOT NULL,
    inputs           VARCHAR(4000) NOT NULL,
    codes            VARCHAR(100)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    lines_read       BIGINT        NOT NULL,
    rejections_found BIGINT        NOT NULL,
    rejections_new   BIGINT        NOT NULL,
    problems         INTEGER       NOT NULL
);

CREATE TABLE rejection (
    id               BIGINT PRIMARY KEY,
    run_id           BIGINT        NOT NULL REFERENCES scan_run (id),
    dedupe_key       VARCHAR(32)   NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE,
    direction        VARCHAR(8)    NOT NULL,
    status           VARCHAR(8)    NOT NULL,
    mta              VARCHAR(8)    NOT NULL,
    host             VARCHAR(255)  NOT NULL,
    queue_id         VARCHAR(64)   NOT NULL,
    sender           VARCHAR(512)  NOT NULL,
    recipient        VARCHAR(512)  NOT NULL,
    recipient_domain VARCHAR(255)  NOT NULL,
    reply_code       INTEGER       NOT NULL,
    enhanced_code    VARCHAR(16)   NOT NULL,
    stage            VARCHAR(16)   NOT NULL,
    category         VARCHAR(32)   NOT NULL,
    provider         VARCHAR(32)   NOT NULL,
    blocklist        VARCHAR(32)   NOT NULL,
    remote_host      VARCHAR(255)  NOT NULL,
    remote_ip        VARCHAR(64)   NOT NULL,
    message          VARCHAR(4000) NOT NULL,
    source_file      VARCHAR(1024) NOT NULL,
    line_no          BIGINT        NOT NULL
);

-- Idempotence: the key hashes the server, the line text and its occurrence, so a rescan stores nothing twice.
CREATE UNIQUE INDEX ux_rejection_dedupe_key ON rejection (dedupe_key);
CREATE INDEX ix_rejection_occurred_at ON rejection (occurred_at);
CREATE INDEX ix_rejection_host_occurred_at ON rejection (host, occurred_at);
CREATE INDEX ix_rejection_run_id ON rejection (run_id);
