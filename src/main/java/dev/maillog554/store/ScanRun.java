package dev.maillog554.store;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One execution of {@code scan}, as stored. */
@Entity
@Table(name = "scan_run")
public class ScanRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scan_run_seq")
    @SequenceGenerator(name = "scan_run_seq", sequenceName = "scan_run_seq", allocationSize = 1)
    public Long id;
    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Column(nullable = false)
    public String host;
    @Column(nullable = false, length = 4000)
    public String inputs;
    @Column(nullable = false)
    public String codes;
    @Column(nullable = false)
    public String status;
    @Column(name = "lines_read", nullable = false)
    public long linesRead;
    @Column(name = "rejections_found", nullable = false)
    public long rejectionsFound;
    @Column(name = "rejections_new", nullable = false)
    public long rejectionsNew;
    @Column(nullable = false)
    public int problems;
    // The columns of V7, NULL for older runs: see V7__run_outcome_for_metrics.sql.
    @Column(name = "inputs_read")
    public Integer inputsRead;
    @Column
    public Long recipients;
    @Column(name = "duration_ms")
    public Long durationMs;
    @Column(name = "exit_code")
    public Integer exitCode;
}
