#!/usr/bin/env bash
# Benchmark of `maillog554 report` over a large stored history (issue 6: 5 million rejections in under 10 s).
#
#   bench/report.sh [rows]      history of <rows> rejections (default 5000000), built once and reused
#   BENCH_DIR=/big/disk ...     where the history and reports go (default target/bench)
#   RUNS=3 ...                  timed runs of each command (default 1; the table shows the fastest)
#   JAVA_OPTS="..." ...         extra JVM options for maillog554 (default: none, the jar's own defaults)
#   BUILD_ONLY=1 ...            only build the history (or find it built), time nothing
#
# The history is made the fast way: one `scan` of sample-logs creates the schema through Flyway (and 28 real
# rows), then H2's RunScript bulk-inserts the synthetic rows with INSERT ... SELECT FROM SYSTEM_RANGE in chunks,
# with the secondary indexes dropped during the load and recreated after it (the same names and columns as the
# migrations). Rows are deterministic but varied: ~2000 recipient domains with a skewed (few big, long tail)
# distribution, 16 replies (6 reply/enhanced codes, 12 causes, providers, blocklists), both directions, 4
# servers (one Exim), 180 days of timestamps ending now (a few without one), ~150-character messages, one
# run per day, unique dedupe keys.
#
# Baselines in the same run, so the figures are ratios: `report` on an empty history (JVM, Quarkus, Flyway
# validation, empty reports: the fixed cost), H2 alone reading every row once (RunScript, a full-table
# aggregate over all 22 columns' worth of data), and `cat` and `wc -l` of the rejections.csv written.
# A wrong answer fails the run: the report's total must equal the rows in the history, and rejections.csv
# must have one line per rejection plus its header.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-5000000}
RUNS=${RUNS:-1}
WORK=$(mkdir -p "${BENCH_DIR:-target/bench}" && cd "${BENCH_DIR:-target/bench}" && pwd)
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}  # JAR=... to time another build
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
[ -f "$JAR" ] || ./mvnw -q package -DskipTests
H2=$(ls "$(dirname "$JAR")"/lib/main/com.h2database.h2-*.jar)
HIST=$WORK/history-$ROWS
EMPTY=$WORK/history-empty
SEED=28  # rows the scan of sample-logs stores (sample-logs/README.md)

h2() { # db-dir sql-file: runs a script on the embedded database (no maillog554 process may hold it)
    java -cp "$H2" org.h2.tools.RunScript -url "jdbc:h2:file:$1/maillog554" -user sa -script "$2"
}

# build_history: schema by a real scan, then the synthetic rows in chunks (each INSERT commits on its own,
# so H2 never holds millions of uncommitted rows).
build_history() {
    local start sql chunk=500000 from to
    start=$(date +%s)
    rm -rf "$HIST"
    java -jar "$JAR" scan -q --data-dir "$HIST" -o "$WORK/seed-report" sample-logs
    sql=$WORK/history-$ROWS.sql
    local now
    now=$(date -u +%Y-%m-%dT%H:%M:%S)
    cat > "$sql" <<SQL
DROP INDEX ux_rejection_dedupe_key; DROP INDEX ix_rejection_occurred_at; DROP INDEX ix_rejection_host_occurred_at;
DROP INDEX ix_rejection_domain; DROP INDEX ix_rejection_category;
-- One run per day, ids 1000..1179.
INSERT INTO scan_run (id, started_at, finished_at, host, inputs, codes, status, lines_read, rejections_found,
    rejections_new, problems)
SELECT 1000 + x, DATEADD(DAY, x - 180, TIMESTAMP WITH TIME ZONE '$now+00:00'),
    DATEADD(DAY, x - 180, TIMESTAMP WITH TIME ZONE '$now+00:00'), 'mx1', '/var/log/mail.log', '554', 'ok',
    1000000, $ROWS / 180, $ROWS / 180, 0 FROM SYSTEM_RANGE(0, 179);
CREATE TABLE bench_domain (i INT PRIMARY KEY, name VARCHAR(255));
INSERT INTO bench_domain SELECT x, CASE x
    WHEN 0 THEN 'gmail.com' WHEN 1 THEN 'outlook.com' WHEN 2 THEN 'yahoo.com' WHEN 3 THEN 'hotmail.com'
    WHEN 4 THEN 'icloud.com' WHEN 5 THEN 'aol.com' WHEN 6 THEN 'gmx.de' WHEN 7 THEN 'web.de'
    WHEN 8 THEN 'orange.fr' WHEN 9 THEN 'comcast.net' WHEN 10 THEN 'live.com' WHEN 11 THEN 't-online.de'
    ELSE CASE MOD(x, 4) WHEN 0 THEN 'corp' || x || '.example' WHEN 1 THEN 'mail.shop' || x || '.example.com'
        WHEN 2 THEN 'lists' || x || '.example.net' ELSE 'h' || x || '.test' END END
    FROM SYSTEM_RANGE(0, 1999);
-- Replies 0..9 are outbound (remote servers refusing us), 10..15 inbound (we refuse clients).
CREATE TABLE bench_reply (i INT PRIMARY KEY, code INT, enhanced VARCHAR(16), category VARCHAR(32),
    provider VARCHAR(32), blocklist VARCHAR(32), stage VARCHAR(16), msg VARCHAR(400));
INSERT INTO bench_reply VALUES
 (0, 554, '5.7.1', 'blocklisted', 'microsoft-365', 'spamhaus-zen', 'RCPT', 'Service unavailable; Client host '
  || '[{ip}] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/{ip}'),
 (1, 554, '5.7.1', 'not-rfc-compliant', 'google', '', 'END-OF-DATA', '[{ip}] Messages missing a valid '
  || 'messageId header are not accepted. Learn more at https://support.google.com/mail/?p=RfcMessageNonCompliant'),
 (2, 554, '5.7.9', 'policy', 'yahoo', '', 'END-OF-DATA', 'Message not accepted for policy reasons. See '
  || 'https://senders.yahooinc.com/error-codes for <{rcpt}> from [{ip}]'),
 (3, 554, '5.7.1', 'ip-blocked', 'apple', '', 'RCPT', '[CS01] Message rejected due to local policy for <{rcpt}>.'
  || ' Please visit https://support.apple.com/HT204137'),
 (4, 554, '', 'ip-reputation', 'comcast', 'comcast', 'CONNECT', 'resimta-po-12v.sys.comcast.net comcast {ip} '
  || 'Comcast block for spam. Please see http://postmaster.comcast.net/smtp-error-codes.php#BL000000'),
 (5, 554, '5.7.1', 'blocklisted', 'barracuda', 'barracuda', 'RCPT', 'Service unavailable; Client host [{ip}] '
  || 'blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?pr=1&ip={ip}'),
 (6, 554, '5.7.5', 'dmarc', '', '', 'END-OF-DATA', 'Permanent error evaluating DMARC policy for <{rcpt}>: the '
  || 'From: domain publishes p=reject and neither SPF nor DKIM aligned'),
 (7, 554, '5.6.0', 'not-rfc-compliant', 'gmx', '', 'END-OF-DATA', 'Message contains invalid header; message to '
  || '<{rcpt}> refused by mxgmx017 Nemesis ESMTP, see https://postmaster.gmx.net/en/error-messages'),
 (8, 554, '', 'content-spam', 'mimecast', '', 'END-OF-DATA', 'Email rejected due to security policies - '
  || 'https://community.mimecast.com/docs/DOC-1369#554 [{ip}] <{rcpt}>'),
 (9, 554, '5.4.14', 'routing-dns', 'microsoft-365', '', 'RCPT', '<{rcpt}>: Hop count exceeded - possible '
  || 'mail loop ATTR34 [AM0PR01MB1234.eurprd01.prod.exchangelabs.com]'),
 (10, 554, '5.7.1', 'relay-denied', '', '', 'RCPT', '<{rcpt}>: Relay access denied; proto=ESMTP '
  || 'helo=<pc-{ip}.dyn.example> client [{ip}] is not in mynetworks'),
 (11, 554, '5.7.1', 'blocklisted', '', 'spamhaus-zen', 'RCPT', 'Service unavailable; Client host [{ip}] '
  || 'blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/{ip}'),
 (12, 554, '5.7.1', 'blocklisted', '', 'spamcop', 'RCPT', 'Service unavailable; Client host [{ip}] blocked '
  || 'using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?{ip}'),
 (13, 554, '5.7.1', 'helo-rejected', '', '', 'RCPT', '<pc-{ip}>: Helo command rejected: Host not found; '
  || 'from=<spam@bulk.example> to=<{rcpt}>'),
 (14, 554, '5.7.1', 'content-spam', '', '', 'END-OF-DATA', 'Message rejected as spam by Content Filtering '
  || '(score 14.2 > 8.0) for <{rcpt}> from [{ip}]'),
 (15, 554, '5.7.1', 'sender-rejected', '', '', 'MAIL', '<spam@bulk.example>: Sender address rejected: '
  || 'Access denied for client [{ip}] sending to <{rcpt}>');
SQL
    for ((from = 1; from <= ROWS; from += chunk)); do
        to=$((from + chunk - 1 < ROWS ? from + chunk - 1 : ROWS))
        cat >> "$sql" <<SQL
INSERT INTO rejection (id, run_id, dedupe_key, occurred_at, direction, status, mta, host, queue_id, sender,
    recipient, recipient_domain, reply_code, enhanced_code, stage, category, provider, blocklist, remote_host,
    remote_ip, message, source_file, line_no)
SELECT 1000000 + g.x, 1000 + CAST(g.x * 179 / $ROWS AS INT), g.k,
    CASE WHEN MOD(g.x, 20011) = 0 THEN NULL
        ELSE DATEADD(SECOND, CAST(g.x * 15552000 / $ROWS AS BIGINT) + MOD(g.h3, 600) - 15552600,
            TIMESTAMP WITH TIME ZONE '$now+00:00') END,
    g.dir, CASE WHEN g.dir = 'inbound' THEN 'rejected' WHEN MOD(g.h3, 10) = 0 THEN 'deferred' ELSE 'bounced' END,
    CASE g.hostno WHEN 2 THEN 'exim' ELSE 'postfix' END,
    CASE g.hostno WHEN 0 THEN 'mx1' WHEN 1 THEN 'mx2' WHEN 2 THEN 'exim1' ELSE 'edge1.example.org' END,
    CASE WHEN g.dir = 'inbound' THEN '' ELSE UPPER(SUBSTRING(g.k, 3, 10)) END,
    CASE WHEN g.dir = 'inbound' THEN 'u' || MOD(g.h1, 9973) || '@bulk' || MOD(g.h2, 500) || '.example'
        ELSE CASE MOD(g.h1, 4) WHEN 0 THEN 'newsletter@example.com' WHEN 1 THEN 'orders@shop.example.com'
            WHEN 2 THEN 'alice@example.org' ELSE 'noreply@lists.example.org' END END,
    'u' || MOD(g.h2, 40000) || '@' || g.domain, g.domain, r.code, r.enhanced, r.stage, r.category, r.provider,
    r.blocklist,
    CASE WHEN g.dir = 'inbound' THEN 'dyn-' || MOD(g.h1, 250) || '.isp' || MOD(g.h2, 50) || '.example'
        ELSE 'mx' || MOD(g.h3, 3) || '.' || g.domain END,
    g.ip, REPLACE(REPLACE(r.msg, '{ip}', g.ip), '{rcpt}', 'u' || MOD(g.h2, 40000) || '@' || g.domain),
    CASE MOD(g.x, 3) WHEN 0 THEN '/var/log/mail.log' WHEN 1 THEN '/var/log/mail.log.1'
        ELSE '/var/log/mail.log.2.gz' END, g.x
FROM (
    SELECT s.x, s.h1, s.h2, s.h3, s.k, s.dir, s.hostno,
        CASE WHEN s.dir = 'inbound' THEN '203.0.113.' || MOD(s.h2, 254) ELSE '192.0.2.' || (1 + MOD(s.h1, 8)) END ip,
        CASE WHEN s.dir = 'inbound' AND MOD(s.h3, 5) < 4 THEN CASE MOD(s.h3, 5) WHEN 0 THEN 'example.org'
            WHEN 1 THEN 'example.net' WHEN 2 THEN 'shop.example.com' ELSE 'lists.example.org' END
            ELSE d.name END domain
    FROM (
        SELECT t.x, t.h1, t.h2, t.h3, LEFT(RAWTOHEX(HASH('SHA-256', STRINGTOUTF8('bench' || t.x))), 32) k,
            CASE WHEN MOD(t.h2, 10) < 3 THEN 'inbound' ELSE 'outbound' END dir, MOD(t.h2 / 10, 4) hostno
        FROM (SELECT x, h1, MOD(h1 * 40503 + 7, 4294967291) h2, MOD(MOD(h1 * 40503 + 7, 4294967291) * 40503 + 11,
            4294967291) h3 FROM (SELECT x, MOD(x * 2654435761 + 12345, 4294967291) h1
            FROM SYSTEM_RANGE($from, $to))) t) s
    JOIN bench_domain d ON d.i = CAST(FLOOR(2000 * POWER(MOD(s.h1, 1000000) / 1000000.0, 3)) AS INT)) g
JOIN bench_reply r ON r.i = CASE WHEN g.dir = 'inbound' THEN 10 + MOD(g.h3 / 7, 6) ELSE MOD(g.h3 / 7, 10) END;
SQL
    done
    cat >> "$sql" <<SQL
DROP TABLE bench_domain; DROP TABLE bench_reply;
CREATE UNIQUE INDEX ux_rejection_dedupe_key ON rejection (dedupe_key);
CREATE INDEX ix_rejection_occurred_at ON rejection (occurred_at);
CREATE INDEX ix_rejection_host_occurred_at ON rejection (host, occurred_at);
CREATE INDEX ix_rejection_domain ON rejection (recipient_domain);
CREATE INDEX ix_rejection_category ON rejection (category);
ALTER SEQUENCE rejection_seq RESTART WITH $((1000000 + ROWS + 50));
ALTER SEQUENCE scan_run_seq RESTART WITH 2000;
SQL
    h2 "$HIST" "$sql"
    echo "$ROWS" > "$HIST/.rows"
    echo "history of $ROWS rows (+$SEED from sample-logs) built in $(($(date +%s) - start)) s:" \
        "$(du -sh "$HIST" | cut -f1)" >&2
}

[ "$(cat "$HIST/.rows" 2>/dev/null)" = "$ROWS" ] || build_history
[ -z "${BUILD_ONLY:-}" ] || exit 0
if [ ! -d "$EMPTY" ]; then
    # Created (Flyway) by an untimed first report, as a cron job would find it.
    java -jar "$JAR" report -q --data-dir "$EMPTY" -o "$WORK/report-empty" > /dev/null
fi
cat > "$WORK/fullscan.sql" <<SQL
SELECT COUNT(*), SUM(LENGTH(message) + LENGTH(recipient) + LENGTH(sender) + LENGTH(remote_host)
    + LENGTH(source_file) + LENGTH(dedupe_key)), MAX(occurred_at) FROM rejection;
SQL

RAW=$(mktemp)
trap 'rm -f "$RAW"' EXIT
# measure LABEL CMD...: wall, user+sys CPU and peak RSS of CMD; the fastest of RUNS runs (by wall time).
measure() {
    local label=$1 best="" r
    shift
    for ((r = 0; r < RUNS; r++)); do
        "$TIME" -f "%e %U %S %M" -o "$RAW" "$@" > "$WORK/last.out" 2> "$WORK/last.err" || {
            echo "$label failed:" >&2; tail -5 "$WORK/last.err" >&2; return 1; }
        line=$(tail -1 "$RAW")
        if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
            best=$line
        fi
    done
    echo "$label $best"
}
# report LABEL DB ARGS...: one `report` into its own folder; its first stdout line holds the total.
# EXTRA_OPTS (set for one call) adds JVM options to that run only.
report() {
    local label=$1 db=$2
    shift 2
    # shellcheck disable=SC2086
    measure "$label" java ${JAVA_OPTS:-} ${EXTRA_OPTS:-} -jar "$JAR" report --timezone UTC --data-dir "$db" \
        -o "$WORK/report-$label" "$@"
    total=$(awk 'NR == 1 { print $1 }' "$WORK/last.out")
    lines=$(wc -l < "$WORK/report-$label/rejections.csv")
    [ "$lines" = $((total + 1)) ] || { echo "WRONG: $label rejections.csv has $lines lines for $total" >&2; exit 1; }
    echo "$label $total" >> "$WORK/totals"
}

OUT=$WORK/report-results-$(date -u +%Y%m%dT%H%M%SZ).md
{
    echo "# maillog554 report benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $ROWS rows"
    echo
    echo "- machine: $(nproc) cores, $(awk '/model name/ { sub(/.*: /, ""); print; exit }' /proc/cpuinfo)," \
         "$(free -g | awk '/Mem:/ { print $2 " GiB" }'), load before run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- $(java -version 2>&1 | head -1), JAVA_OPTS='${JAVA_OPTS:-}', history $(du -sh "$HIST" | cut -f1)," \
         "fastest of $RUNS run(s)"
    echo
} > "$OUT"

: > "$WORK/rows"
: > "$WORK/totals"
report empty "$EMPTY" >> "$WORK/rows"
measure h2-fullscan java -cp "$H2" org.h2.tools.RunScript -url "jdbc:h2:file:$HIST/maillog554" -user sa \
    -script "$WORK/fullscan.sql" >> "$WORK/rows"
report all "$HIST" >> "$WORK/rows"
[ "$(awk '$1 == "all" { print $2 }' "$WORK/totals")" = $((ROWS + SEED)) ] \
    || { echo "WRONG: report counted $(awk '$1 == "all" { print $2 }' "$WORK/totals"), want $((ROWS + SEED))" >&2
         exit 1; }
# The same on one processor: one part, no parallel reading (and the JVM's serial GC, its choice for one CPU).
EXTRA_OPTS=-XX:ActiveProcessorCount=1 report all-1cpu "$HIST" >> "$WORK/rows"
for f in rejections.csv summary.csv by-code.csv by-domain.csv by-category.csv by-day.csv; do
    cmp -s "$WORK/report-all/$f" "$WORK/report-all-1cpu/$f" || { echo "WRONG: $f differs with one part" >&2; exit 1; }
done
measure cat-csv cat "$WORK/report-all/rejections.csv" >> "$WORK/rows"
measure wc-l-csv wc -l "$WORK/report-all/rejections.csv" >> "$WORK/rows"
report since-30d "$HIST" --since 30d >> "$WORK/rows"
report since-7d "$HIST" --since 7d >> "$WORK/rows"
report server-mx2 "$HIST" --server mx2 >> "$WORK/rows"

csv_mb=$(($(stat -c %s "$WORK/report-all/rejections.csv") / 1000000))
awk -v csv_mb="$csv_mb" -v totals="$WORK/totals" '
    BEGIN { while ((getline l < totals) > 0) { split(l, a, " "); n[a[1]] = a[2] } }
    { label[NR] = $1; wall[NR] = $2; cpu[NR] = $3 + $4; rss[NR] = $5; w[$1] = $2 }
    END {
        print "| command | rejections | wall s | CPU s | peak RSS MB | x empty report | x H2 full scan " \
            "| rows/s after start-up |"
        print "|---|---|---|---|---|---|---|---|"
        for (r = 1; r <= NR; r++) {
            l = label[r]
            after = wall[r] - w["empty"]
            rate = (l in n) && l != "empty" && after > 0 ? sprintf("%.0f", n[l] / after) : ""
            printf "| %s | %s | %.2f | %.2f | %.0f | %.2f | %.2f | %s |\n", l, (l in n) ? n[l] : "", wall[r], cpu[r],
                rss[r] / 1024, wall[r] / w["empty"], wall[r] / w["h2-fullscan"], rate
        }
        printf "\nrejections.csv of `all`: %d MB. empty = JVM + Quarkus + Flyway + empty reports; h2-fullscan = " \
            "H2 RunScript reading every row once (its own JVM start included); all-1cpu = all with " \
            "-XX:ActiveProcessorCount=1; cat-csv and wc-l-csv read the rejections.csv that `all` wrote.\n", csv_mb
    }' "$WORK/rows" >> "$OUT"
cat "$OUT"
echo "(written to $OUT)" >&2
