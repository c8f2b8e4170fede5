-- Incremental scans and one run at a time. Same SQL for H2 and PostgreSQL; never edit once shipped.

-- Where each log file was read up to. A file is found again by the hash of its first line (its fingerprint),
-- so a file renamed or gzipped by logrotate resumes where it stopped; identity (device:inode) is kept to
-- explain decisions. The offset commits in the same transaction as the rejections it covers.
CREATE SEQUENCE file_checkpoint_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE file_checkpoint (
    id           BIGINT PRIMARY KEY,
    host         VARCHAR(255)  NOT NULL,
    fingerprint  VARCHAR(64)   NOT NULL,
    identity     VARCHAR(255)  NOT NULL,
    path         VARCHAR(1024) NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    read_offset  BIGINT        NOT NULL,
    line_no      BIGINT        NOT NULL,
    run_id       BIGINT        NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_file_checkpoint_host_fp ON file_checkpoint (host, fingerprint);

-- One row; a run holds it with SELECT ... FOR UPDATE on its own connection until it ends. The database
-- releases the row lock when that connection dies (kill -9 included), so there is no stale lock to clean.
CREATE TABLE run_lock (
    id    INTEGER PRIMARY KEY,
    note  VARCHAR(255) NOT NULL
);
INSERT INTO run_lock (id, note) VALUES (1, 'held by the running scan or prune');

-- Reports group by these on millions of rows.
CREATE INDEX ix_rejection_domain ON rejection (recipient_domain);
CREATE INDEX ix_rejection_category ON rejection (category);
