#!/usr/bin/env bash
# Benchmark of the V5 migration (dedupe key from 32 hex characters to a UUID) on a large H2 history: what the
# first run after an upgrade costs in time and disk.
#
#   bench/migrate.sh [rows]     history of <rows> rejections at schema V4 (default 200000)
#   BENCH_DIR=/big/disk ...     where the databases go (default target/bench)
#   HEAP=256m ...               heap of the JVM that migrates (default 256m, the launcher's)
#
# The history is made at schema V4 by running V1..V4 from src/main/resources/db/migration, then bulk-inserting
# varied rows in chunks (each INSERT commits on its own), then compacting, so it starts as a real history would.
# Each variant runs on its own copy: the V5 that ships, and, when git can show it, the first V5 of commit
# 74728f1 (ADD COLUMN, one UPDATE over every row, swap), the baseline. A wrong answer fails the run: after the
# migration every row must still be there with a distinct, non-null UUID key.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-200000}
HEAP=${HEAP:-256m}
WORK=$(mkdir -p "${BENCH_DIR:-target/bench}" && cd "${BENCH_DIR:-target/bench}" && pwd)/migrate-$ROWS
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -q package -DskipTests
H2=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)
MIG=src/main/resources/db/migration

# RunScript with the launcher's JIT and the chosen heap; an array, so that `time` can run it too.
RUN_SCRIPT=(java "-Xmx$HEAP" -XX:TieredStopAtLevel=1 -cp "$H2" org.h2.tools.RunScript -user sa)
h2() { # db-dir sql-file
    "${RUN_SCRIPT[@]}" -url "jdbc:h2:file:$1/db" -script "$2"
}
query() { # db-dir sql: prints the first column of the first row
    java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:file:$1/db" -user sa -password "" -sql "$2" | sed -n 2p \
        | awk '{ print $1 }'
}
size_mb() { awk -v b="$(stat -c %s "$1/db.mv.db")" 'BEGIN { printf "%.0f", b / 1048576 }'; }

rm -rf "$WORK"
mkdir -p "$WORK/base"
cat "$MIG"/V1__*.sql "$MIG"/V2__*.sql "$MIG"/V3__*.sql "$MIG"/V4__*.sql > "$WORK/v4.sql"
{
    echo "INSERT INTO scan_run VALUES (1, CURRENT_TIMESTAMP, NULL, 'mx1', 'mail.log', '554', 'done', 0, 0, 0, 0);"
    for ((from = 1; from <= ROWS; from += 100000)); do
        to=$((from + 99999 < ROWS ? from + 99999 : ROWS))
        cat <<SQL
INSERT INTO rejection (id, run_id, dedupe_key, occurred_at, direction, status, mta, host, queue_id, sender,
    recipient, recipient_domain, reply_code, enhanced_code, stage, category, provider, blocklist, remote_host,
    remote_ip, message, source_file, line_no)
SELECT X, 1, REPLACE(CAST(RANDOM_UUID() AS VARCHAR), '-', ''),
    TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + X * INTERVAL '10' SECOND, 'outbound', 'bounced',
    'postfix', 'mx1', 'ABCDEF' || X, 'sender' || MOD(X, 97) || '@example.org',
    'user' || X || '@domain' || MOD(X, 5000) || '.example', 'domain' || MOD(X, 5000) || '.example', 554, '5.7.1',
    'RCPT', 'blocklist', 'gmail', 'spamhaus', 'mx.domain' || MOD(X, 5000) || '.example', '192.0.2.' || MOD(X, 250),
    '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; '
        || 'https://www.spamhaus.org/query/ip/192.0.2.1 message ' || X, '/var/log/mail.log', X
FROM SYSTEM_RANGE($from, $to);
SQL
    done
    echo "SHUTDOWN COMPACT;"
} > "$WORK/fill.sql"
h2 "$WORK/base" "$WORK/v4.sql"
h2 "$WORK/base" "$WORK/fill.sql"
BASE_MB=$(size_mb "$WORK/base")

cp "$MIG"/V5__*.sql "$WORK/shipped.sql"
VARIANTS=(shipped)
if git show 74728f1:src/main/resources/db/migration/V5__dedupe_key_as_uuid.sql > "$WORK/first.sql" 2>/dev/null; then
    VARIANTS+=(first)
fi

echo "# V5 migration, $(date -u +%Y-%m-%dT%H:%MZ): $ROWS rows at V4 ($BASE_MB MB), heap $HEAP"
echo "- $(uname -srm), $(nproc) CPUs, $(java -version 2>&1 | head -1)"
echo
echo "| V5 | wall s | CPU s | peak RSS MB | file after MB | x shipped wall | x file before |"
echo "|---|---|---|---|---|---|---|"
shipped_wall=
for v in "${VARIANTS[@]}"; do
    rm -rf "$WORK/$v" && cp -a "$WORK/base" "$WORK/$v"
    "$TIME" -f "%e %U %S %M" -o "$WORK/$v.time" "${RUN_SCRIPT[@]}" -url "jdbc:h2:file:$WORK/$v/db" \
        -script "$WORK/$v.sql"
    read -r wall user sys rss < <(tail -1 "$WORK/$v.time")
    rows=$(query "$WORK/$v" "SELECT COUNT(DISTINCT dedupe_key) FROM rejection WHERE dedupe_key IS NOT NULL")
    kind=$(query "$WORK/$v" "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'REJECTION' \
        AND COLUMN_NAME = 'DEDUPE_KEY'")
    [ "$rows" = "$ROWS" ] && [ "$kind" = UUID ] \
        || { echo "WRONG: $v left $rows distinct keys of type $kind, want $ROWS UUIDs" >&2; exit 1; }
    shipped_wall=${shipped_wall:-$wall}
    awk -v v="$v" -v w="$wall" -v c="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" -v r="$rss" \
        -v f="$(size_mb "$WORK/$v")" -v sw="$shipped_wall" -v b="$BASE_MB" \
        'BEGIN { printf "| %s | %.1f | %.1f | %.0f | %s | %.2f | %.1f |\n", v, w, c, r / 1024, f, w / sw, f / b }'
    rm -rf "${WORK:?}/$v"
done
