package dev.maillog554.store;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Where one log file (found by host and fingerprint) was read up to, as stored. */
@Entity
@Table(name = "file_checkpoint")
public class FileCheckpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "file_checkpoint_seq")
    @SequenceGenerator(name = "file_checkpoint_seq", sequenceName = "file_checkpoint_seq", allocationSize = 1)
    public Long id;
    @Column(nullable = false)
    public String host;
    @Column(nullable = false, length = 64)
    public String fingerprint;
    @Column(nullable = false)
    public String identity;
    @Column(nullable = false, length = 1024)
    public String path;
    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;
    @Column(name = "read_offset", nullable = false)
    public long readOffset;
    @Column(name = "line_no", nullable = false)
    public long lineNo;
    @Column(name = "run_id", nullable = false)
    public long runId;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
