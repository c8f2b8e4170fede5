-- What serve's /q/metrics needs to show the last scan as --metrics-file does: how many inputs it read, the
-- distinct recipients among its rejections, how long it took, the exit code it ended with (written by the scan
-- command once it knows it; NULL for runs before this release, and for runs that failed before deciding one),
-- and its rejections by direction, cause and code. These are what the run found, which is not what it stored:
-- a rescan (--full) finds rejections another run stored, so they cannot be counted from the rejection table.
-- One row per run and label set keeps a scrape from reading the rejections at all. Plain SQL that H2 and
-- PostgreSQL both accept; never edit once shipped.
ALTER TABLE scan_run ADD COLUMN inputs_read INTEGER;
ALTER TABLE scan_run ADD COLUMN recipients BIGINT;
ALTER TABLE scan_run ADD COLUMN duration_ms BIGINT;
ALTER TABLE scan_run ADD COLUMN exit_code INTEGER;

CREATE TABLE run_rejections (
    run_id        BIGINT       NOT NULL,
    direction     VARCHAR(8)   NOT NULL,
    category      VARCHAR(32)  NOT NULL,
    reply_code    INTEGER      NOT NULL,
    enhanced_code VARCHAR(16)  NOT NULL,
    rejections    BIGINT       NOT NULL,
    PRIMARY KEY (run_id, direction, category, reply_code, enhanced_code)
);
