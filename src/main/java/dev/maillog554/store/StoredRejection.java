package dev.maillog554.store;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One stored rejection with its diagnosis. Mapped from and to records only in {@link RunStore}. */
@Entity
@Table(name = "rejection")
public class StoredRejection {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rejection_seq")
    @SequenceGenerator(name = "rejection_seq", sequenceName = "rejection_seq", allocationSize = 50)
    public Long id;
    @Column(name = "run_id", nullable = false)
    public long runId;
    @Column(name = "dedupe_key", nullable = false)
    public UUID dedupeKey;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(nullable = false)
    public String direction;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String mta;
    @Column(nullable = false)
    public String host;
    @Column(name = "queue_id", nullable = false)
    public String queueId;
    @Column(nullable = false)
    public String sender;
    @Column(nullable = false)
    public String recipient;
    @Column(name = "recipient_domain", nullable = false)
    public String recipientDomain;
    @Column(name = "reply_code", nullable = false)
    public int replyCode;
    @Column(name = "enhanced_code", nullable = false)
    public String enhancedCode;
    @Column(nullable = false)
    public String stage;
    @Column(nullable = false)
    public String category;
    @Column(nullable = false)
    public String provider;
    @Column(nullable = false)
    public String blocklist;
    @Column(name = "remote_host", nullable = false)
    public String remoteHost;
    @Column(name = "remote_ip", nullable = false)
    public String remoteIp;
    @Column(nullable = false, length = 4000)
    public String message;
    @Column(name = "source_file", nullable = false, length = 1024)
    public String sourceFile;
    @Column(name = "line_no", nullable = false)
    public long lineNo;
}
