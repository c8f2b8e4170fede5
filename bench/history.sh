#!/usr/bin/env bash
# Benchmark of the history's grouped answers over a year, rollups against rows (issue 19, item 3): `report` and
# `serve` over the newest 365 whole UTC days of a history of <rows> rejections, H2 and PostgreSQL.
#
#   bench/history.sh [rows]     history of <rows> rejections (default 5000000), built once per database and reused
#   DB=h2|pg|both ...           which databases (default both)
#   BENCH_DIR=/big/disk ...     where the histories, the PostgreSQL cluster and the reports go (default target/bench)
#   JAR=... ...                 the build to time (default target/quarkus-app/quarkus-run.jar), run through the
#                               launcher beside it, as installed; the history is built with this tree's classes
#   RUNS=3 ...                  timed runs of each report and serve start (default 1; the table shows the fastest)
#   END_DAY=2026-11-30 ...      the history's last UTC day (default 2026-11-30; part of the history's identity)
#   BUILD_ONLY=1 ...            only build the histories (or find them built), time nothing
#   FLOOR=1 ...                 instead of the cases, the floor of grouped-year (below)
#   TIMEOUT=3600 ...            seconds one command or request may take before the run fails (default 3600)
#   COUNTS_WARM_MAX=5 ...       a first /api/counts answer slower than this (s) is not repeated for warm figures
#   MAILLOG554_JAVA_OPTS=...    replaces the launcher's JVM options, as for any run of it (named in the results)
#
# The history is built by src/test/java/dev/maillog554/store/HistoryBench.java through the scan's own insert path
# (RejectionInserts.insertNew, rows and rollups in one transaction per 1000 rows, one run per day): realistic,
# seeded rejections classified by the classifier, 365 days ending on END_DAY. It names no rollup column, so the
# script works unchanged on a new rollup schema; it reads the history only through `report` and `serve`.
# PostgreSQL is a private cluster from Debian's packages (as .ci/run starts one: `apt-get install postgresql`)
# under BENCH_DIR on 127.0.0.1, started for the run and stopped at its end.
#
# Each case runs twice in the same run: on the rollups path (a window of whole UTC days, `--since <date>`) and on
# the rows path, today's figure (the same window shifted by one second: HistoryBench puts no row in the first
# second of a day, so it holds the same rows, but the rollups do not cover it and everything comes from the rows):
#   report-year   `report --timezone UTC` for the 365 days: the grouped CSV files, report.html and
#                 rejections.csv of every row in the window;
#   report-day    the same for the newest day (what rejections.csv of one day costs);
#   grouped-year  `report --no-rejections-csv` for the 365 days: the grouped CSV files and report.html alone;
#   serve-start   `serve` up to its "serving" line; serve-GET/ the first GET / of the 365 days after it;
#   counts-GROUP  `/api/counts?group=GROUP` (domain, category, day) for the 365 days: the first request, then
#                 warm (after 5 requests) the median and p95 of 20. H2 can reuse the last result of a query
#                 repeated on an unchanged database (OPTIMIZE_REUSE_RESULTS): its warm rows-path figures over 1M
#                 rows (20 ms) suggest it does, so on H2 compare the first requests too.
# "minus start-up" is a report's wall time less that of the same command (same window) on an empty history
# (JVM, Quarkus, Flyway validation, empty reports). Peak RSS is GNU time's %M: per command for report, for the
# whole serve process (start, GET /, 75 count requests) for serve's rows. "x rows-path" divides each figure
# (minus start-up where there is one) by the rows path's.
# FLOOR=1 compares grouped-year on the rollups path with what the database alone costs to hand over the year's
# rollups (src/test/java/dev/maillog554/store/RollupFloorBench.java: read-daily and read-party, each column of each
# rollup fetched over plain JDBC as the report reads them, nothing summed; cold, then warm), each with the
# launcher's JVM options and with C2 (the same options without -XX:TieredStopAtLevel=1); and says how many rows a
# tier of rollups by calendar month, or one over the whole window, would hold for the year (fold-daily, fold-party).
# A command or request that fails (out of memory, TIMEOUT) is a result: the table says "failed" with its exit
# or HTTP status, and the run goes on. A wrong answer fails the run: each report's total must equal the rows built, on both paths; rejections.csv
# must have one line per rejection counted (and be absent from grouped-year), the same on both paths; every
# /api/counts answer's total must equal the rows built, on both paths. Grouped files that differ between the two
# paths are listed (not a failure: the rollups may keep other examples).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-5000000}
DBS=${DB:-both}
[ "$DBS" = both ] && DBS="h2 pg"
RUNS=${RUNS:-1}
TIMEOUT=${TIMEOUT:-3600}
END_DAY=${END_DAY:-2026-11-30}
WORK=$(mkdir -p "${BENCH_DIR:-target/bench}" && cd "${BENCH_DIR:-target/bench}" && pwd)
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
command -v curl > /dev/null || { echo "needs curl" >&2; exit 2; }
command -v python3 > /dev/null || { echo "needs python3 (a free port)" >&2; exit 2; }
if [ ! -f "$JAR" ] || [ ! -f target/test-classes/dev/maillog554/store/HistoryBench.class ]; then
    ./mvnw -q package -DskipTests
fi
APP=$(cd "$(dirname "$JAR")" && pwd)
LAUNCHER=$APP/maillog554
[ -x "$LAUNCHER" ] || { echo "no launcher beside $JAR" >&2; exit 2; }
TREE=target/quarkus-app
CP="target/classes:target/test-classes:$TREE/lib/main/*:$TREE/lib/boot/*"

# The window: the newest 365 whole UTC days of the history, and its newest day; the rows path's shifted by 1 s.
UNTIL=$(date -u -d "$END_DAY + 1 day" +%F)
SINCE=$(date -u -d "$UNTIL - 365 days" +%F)
ROLL_YEAR=(--since "$SINCE" --until "$UNTIL")
ROWS_YEAR=(--since "${SINCE}T00:00:01Z" --until "${UNTIL}T00:00:01Z")
ROLL_DAY=(--since "$END_DAY" --until "$UNTIL")
ROWS_DAY=(--since "${END_DAY}T00:00:01Z" --until "${UNTIL}T00:00:01Z")
Q_ROLL="since=$SINCE&until=$UNTIL"
Q_ROWS="since=${SINCE}T00:00:01Z&until=${UNTIL}T00:00:01Z"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- PostgreSQL: a private cluster under $WORK/pg, kept between runs (the histories live in it) -------------------
PG_DIR=$WORK/pg
PG_PORT=""
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sh -c "$*"; fi; }
start_pg() {
    local bindir
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1 || true)
    if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
        bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    PG_BIN=$bindir
    mkdir -p "$PG_DIR"
    [ "$(id -u)" != 0 ] || chown postgres "$PG_DIR"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        as_pg "$PG_BIN/initdb -D $PG_DIR/data -A trust -U postgres > /dev/null"
    fi
    PG_PORT=$(free_port)
    as_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w \
        -o '-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR' start > /dev/null"
    trap stop_pg EXIT
    psql_pg "SELECT 1 FROM pg_roles WHERE rolname = 'maillog554'" | grep -q 1 \
        || psql_pg "CREATE USER maillog554 PASSWORD 'maillog554'" > /dev/null
}
stop_pg() { as_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast stop > /dev/null" || true; }
psql_pg() { as_pg "$PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -qtA -c \"$1\""; }
pg_db() { # name: creates the database if missing
    psql_pg "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1 \
        || psql_pg "CREATE DATABASE $1 OWNER maillog554" > /dev/null
}

# db_args DB KIND: the command-line options that open the history (KIND: rows or empty)
db_args() {
    case $1 in
        h2) if [ "$2" = empty ]; then echo "--data-dir $WORK/history-empty"
            else echo "--data-dir $WORK/history-$ROWS"; fi ;;
        pg) if [ "$2" = empty ]; then echo "--db-url jdbc:postgresql://127.0.0.1:$PG_PORT/hist_empty"
            else echo "--db-url jdbc:postgresql://127.0.0.1:$PG_PORT/hist_$ROWS"; fi
            echo "--db-user maillog554 --db-password maillog554" ;; # a throw-away cluster that trusts anyone
    esac
}

# build DB: the history of $ROWS rows, built once (HistoryBench resumes a build that was stopped), and the empty one.
build() {
    local db=$1 target marker start line opts=""
    case $db in
        h2) target=$WORK/history-$ROWS; marker=$target/.built ;;
        pg) pg_db "hist_$ROWS"; pg_db hist_empty
            target=jdbc:postgresql://127.0.0.1:$PG_PORT/hist_$ROWS; marker=$PG_DIR/built-$ROWS ;;
    esac
    if [ "$(cat "$marker" 2> /dev/null)" != "$ROWS $END_DAY" ]; then
        start=$(date +%s)
        [ "$db" = h2 ] || opts="-Dbench.db.user=maillog554 -Dbench.db.password=maillog554"
        # shellcheck disable=SC2086
        java -Xmx1g -cp "$CP" $opts dev.maillog554.store.HistoryBench "$ROWS" "$target" "$END_DAY" > "$WORK/build.out"
        [ "$(tail -1 "$WORK/build.out")" = "$ROWS" ] \
            || { echo "WRONG: built $(tail -1 "$WORK/build.out") rows" >&2; exit 1; }
        echo "$ROWS $END_DAY" > "$marker"
        line="$db history of $ROWS rows built in $(($(date +%s) - start)) s ($(date -u +%F), load after"
        line="$line $(cut -d' ' -f1-3 /proc/loadavg))"
        BUILT="$BUILT $line;"
        echo "$line" | tee -a "$WORK/builds-log" >&2
    fi
    # The empty history, created (Flyway) by an untimed report, as a cron job would find it.
    # shellcheck disable=SC2046
    "$LAUNCHER" report -q --timezone UTC $(db_args "$db" empty) -o "$WORK/report-empty" > /dev/null
}

BUILT=""
RAW=$(mktemp)
ROWS_OUT=$WORK/history-rows
# measure LABEL CMD...: "wall rss" of CMD in $WORK/measured, the fastest of RUNS runs; stdout in $WORK/last.out.
# A command that fails (today's rows path runs out of memory on a year of 5M rows) is a result, not the end of
# the run: "wall rss failed:EXIT" of that run, and measure returns 1.
measure() {
    local label=$1 best="" r line rc
    shift
    for ((r = 0; r < RUNS; r++)); do
        rc=0
        "$TIME" -f "%e %M" -o "$RAW" timeout -s KILL "$TIMEOUT" "$@" > "$WORK/last.out" 2> "$WORK/last.err" || rc=$?
        if [ "$rc" != 0 ]; then
            echo "$label failed (exit $rc; 137: no answer in TIMEOUT=$TIMEOUT s):" >&2; tail -3 "$WORK/last.err" >&2
            echo "$(tail -1 "$RAW" | awk '{ print $1, $2 }') failed:exit-$rc" > "$WORK/measured"
            return 1
        fi
        line=$(tail -1 "$RAW")
        if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
            best=$line
        fi
    done
    echo "$best" > "$WORK/measured"
}
# report DB CASE PATH KIND ARGS...: one timed `report`; appends "db case path wall rss" (KIND empty: the
# start-up baseline, case "CASE-empty") and checks the total and rejections.csv.
report() {
    local db=$1 kase=$2 path=$3 kind=$4 out total lines
    shift 4
    out=$WORK/report-$db-$kase-$path-$kind
    rm -rf "$out"
    # shellcheck disable=SC2046
    if ! measure "$kase" "$LAUNCHER" report --timezone UTC $(db_args "$db" "$kind") -o "$out" "$@"; then
        read -r wall rss failed < "$WORK/measured"
        [ "$kind" != empty ] || { echo "WRONG: $kase failed on the empty history" >&2; exit 1; }
        echo "$db $kase $path $wall $rss - $failed" >> "$ROWS_OUT"
        echo "$db $kase $path" >> "$WORK/failures"
        echo "$db $kase $path $kind: FAILED ($failed) after $wall s, $((rss / 1024)) MB" >&2
        return 0
    fi
    read -r wall rss < "$WORK/measured"
    total=$(awk 'NR == 1 { print $1 }' "$WORK/last.out")
    if [ "${kase%%-*}" = grouped ]; then
        [ ! -e "$out/rejections.csv" ] || { echo "WRONG: $db $kase $path wrote rejections.csv" >&2; exit 1; }
    else
        lines=$(wc -l < "$out/rejections.csv")
        [ "$lines" = $((total + 1)) ] \
            || { echo "WRONG: $db $kase $path: rejections.csv has $lines lines for $total" >&2; exit 1; }
    fi
    if [ "$kind" = empty ]; then
        [ "$total" = 0 ] || { echo "WRONG: the empty history has $total rejections" >&2; exit 1; }
        echo "$db $kase-empty $path $wall $rss" >> "$ROWS_OUT"
    else
        echo "$db $kase $path $wall $rss $total" >> "$ROWS_OUT"
        echo "$db $kase $path $total" >> "$WORK/totals"
    fi
    echo "$db $kase $path $kind: $wall s, $((rss / 1024)) MB, $total rejections" >&2
}

SERVE_TPID=""
# stop_serve: stops the serve started last (GNU time's child, the JVM the launcher became), and waits for it; a
# JVM still there 60 s after SIGTERM (one left thrashing by an out-of-memory error, with MAILLOG554_JAVA_OPTS
# that lack the launcher's -XX:+ExitOnOutOfMemoryError) is killed.
stop_serve() {
    local i
    [ -n "$SERVE_TPID" ] || return 0
    pkill -TERM -P "$SERVE_TPID" || true
    for ((i = 0; i < 600; i++)); do
        pgrep -P "$SERVE_TPID" > /dev/null || break
        sleep 0.1
    done
    pkill -KILL -P "$SERVE_TPID" || true
    wait "$SERVE_TPID" || true
    SERVE_TPID=""
}

# serve_case DB PATH QUERY: serve on the history; start-up, first GET / and warm counts; appends rows.
serve_case() {
    local db=$1 path=$2 q=$3 port t0 tpid i r code best_start="" best_get="" group n rss
    for ((r = 0; r < RUNS; r++)); do
        port=$(free_port)
        rm -f "$WORK/serve.err" "$WORK/serve.time"
        : > "$WORK/serve.err"
        t0=$(date +%s.%N)
        # shellcheck disable=SC2046
        "$TIME" -f "%e %M" -o "$WORK/serve.time" "$LAUNCHER" serve --port "$port" $(db_args "$db" rows) \
            > "$WORK/serve.out" 2>> "$WORK/serve.err" &
        tpid=$!
        SERVE_TPID=$tpid
        for ((i = 0; ; i++)); do
            grep -q "serving http" "$WORK/serve.err" && break
            kill -0 "$tpid" 2> /dev/null || { echo "serve ($db) died:" >&2; tail -5 "$WORK/serve.err" >&2; exit 1; }
            [ "$i" -lt 6000 ] || { echo "serve ($db) did not start in 300 s" >&2; exit 1; }
            sleep 0.05
        done
        start=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
        read -r code get < <(curl -s -o "$WORK/page-$db-$path.html" -m "$TIMEOUT" -w '%{http_code} %{time_total}\n' \
            "http://127.0.0.1:$port/?$q")
        if [ "$code" != 200 ]; then
            # today's rows path may run out of memory: a result, recorded as such
            echo "GET / ($db $path) answered $code after $get s:" >&2
            grep -h -m3 -i "error\|memory" "$WORK/serve.err" "$WORK/serve.out" >&2 || true
            stop_serve
            rss=$(tail -1 "$WORK/serve.time" | cut -d' ' -f2)
            echo "$db serve-start $path $start $rss" >> "$ROWS_OUT"
            echo "$db serve-GET/ $path $get $rss - failed:http-$code" >> "$ROWS_OUT"
            echo "$db serve-GET/ $path" >> "$WORK/failures"
            echo "$db counts $path (not requested after GET / failed)" >> "$WORK/failures"
            return 0
        fi
        [ -n "$best_start" ] && awk -v a="$start" -v b="$best_start" 'BEGIN { exit !(a >= b) }' || best_start=$start
        [ -n "$best_get" ] && awk -v a="$get" -v b="$best_get" 'BEGIN { exit !(a >= b) }' || best_get=$get
        [ $((r + 1)) = "$RUNS" ] || stop_serve
    done
    for group in domain category day; do
        : > "$WORK/counts.times"
        for i in $(seq 1 25); do
            read -r code t < <(curl -s -o "$WORK/counts.json" -m "$TIMEOUT" -w '%{http_code} %{time_total}\n' \
                "http://127.0.0.1:$port/api/counts?group=$group&$q")
            [ "$code" = 200 ] || { echo "WRONG: /api/counts?group=$group ($db $path) answered $code" >&2; exit 1; }
            n=$(grep -o '"total":[0-9]*' "$WORK/counts.json" | head -1 | cut -d: -f2)
            [ "$n" = "$ROWS" ] || { echo "WRONG: /api/counts?group=$group ($db $path) total $n, want $ROWS" >&2
                                   exit 1; }
            [ "$i" != 1 ] || echo "$db counts-$group-first $path $t" >> "$WORK/serve-rows"
            [ "$i" -le 5 ] || echo "$t" >> "$WORK/counts.times"
            # a first answer slower than COUNTS_WARM_MAX s is not repeated 24 times (the warm figures are not
            # measured then, and the table says so)
            if [ "$i" = 1 ] && awk -v a="$t" -v b="${COUNTS_WARM_MAX:-5}" 'BEGIN { exit !(a > b) }'; then
                echo "$db counts-$group-warm $path - - - failed:not-measured,the-first-took-${t}s" >> "$WORK/serve-rows"
                continue 2
            fi
        done
        sort -g "$WORK/counts.times" | awk -v db="$db" -v g="$group" -v p="$path" '{ t[NR] = $1 }
            END { printf "%s counts-%s-median %s %.4f\n%s counts-%s-p95 %s %.4f\n", db, g, p, (t[10] + t[11]) / 2,
                  db, g, p, t[19] }' >> "$WORK/serve-rows"
    done
    stop_serve
    rss=$(tail -1 "$WORK/serve.time" | cut -d' ' -f2)
    echo "$db serve-start $path $best_start $rss" >> "$ROWS_OUT"
    echo "$db serve-GET/ $path $best_get $rss" >> "$ROWS_OUT"
    awk -v rss="$rss" '{ print $0, rss }' "$WORK/serve-rows" >> "$ROWS_OUT"
    : > "$WORK/serve-rows"
    echo "$db serve $path: start $best_start s, first GET / $best_get s, $((rss / 1024)) MB" >&2
}

trap 'stop_serve; rm -f "$RAW"' EXIT
case " $DBS " in *" pg "*) start_pg; trap 'stop_serve; rm -f "$RAW"; stop_pg' EXIT ;; esac
for db in $DBS; do build "$db"; done
[ -z "${BUILD_ONLY:-}" ] || exit 0

# floor_run: FLOOR=1's run (see the header): RollupFloorBench and grouped-year, with both JVMs, for each database.
floor_run() {
    local fake opts jit db url prop out total
    # the launcher's options for `report`, as it would pass them to java
    fake=$(mktemp -d)
    mkdir "$fake/bin"
    printf '#!/bin/sh\necho "$@"\n' > "$fake/bin/java"
    chmod +x "$fake/bin/java"
    L_OPTS=$(JAVA_HOME=$fake "$LAUNCHER" report | sed 's/^-Xlog:disable -Xlog:all=warning:stderr //; s/ -jar .*//')
    rm -rf "$fake"
    out=$WORK/floor-results-$(date -u +%Y%m%dT%H%M%SZ).md
    : > "$ROWS_OUT"
    : > "$WORK/totals"
    : > "$WORK/floor-rows"
    for db in $DBS; do
        case $db in
            h2) url=$WORK/history-$ROWS; prop="" ;;
            pg) url=jdbc:postgresql://127.0.0.1:$PG_PORT/hist_$ROWS; prop="-Dbench.db.password=maillog554" ;;
        esac
        for jit in launcher C2; do
            opts=$L_OPTS
            [ "$jit" = launcher ] || opts=${L_OPTS/-XX:TieredStopAtLevel=1 /}
            # shellcheck disable=SC2086 # options are words
            java $opts $prop -cp "$CP" dev.maillog554.store.RollupFloorBench "$url" "$SINCE" "$UNTIL" \
                > "$WORK/floor.out" 2> "$WORK/last.err" \
                || { echo "RollupFloorBench failed ($db):" >&2; tail -5 "$WORK/last.err" >&2; exit 1; }
            awk -v db="$db" -v jit="$jit" '{ print db, jit, $0 }' "$WORK/floor.out" >> "$WORK/floor-rows"
            export MAILLOG554_JAVA_OPTS=$opts
            report "$db" "grouped-year-$jit" rollups empty "${ROLL_YEAR[@]}" --no-rejections-csv
            report "$db" "grouped-year-$jit" rollups full "${ROLL_YEAR[@]}" --no-rejections-csv
            unset MAILLOG554_JAVA_OPTS
            total=$(awk -v d="$db" -v k="grouped-year-$jit" '$1 == d && $2 == k { print $4 }' "$WORK/totals")
            [ "$total" = "$ROWS" ] || { echo "WRONG: $db grouped-year ($jit) counted '$total', want $ROWS" >&2; exit 1; }
        done
    done
    # every pass of every run read the same rows of each table (the histories are the same on both databases)
    awk '$3 ~ /^(read|fold)-/ { t = $3; sub(/-cold$/, "", t); sub(/^(read|fold)-/, "", t)
         n = $3 ~ /^fold-/ ? $4 : $6
         if ((t in rows) && rows[t] != n) { print "WRONG: " $0 " read " n " rows, before " rows[t] > "/dev/stderr"
         exit 1 } rows[t] = n }' "$WORK/floor-rows"
    {
        echo "# maillog554 rollup floor, $(date -u +%Y-%m-%dT%H:%MZ), $ROWS rows, $SINCE to $UNTIL (365 days)"
        echo
        echo "- machine: $(nproc) cores, load after the run: $(cut -d' ' -f1-3 /proc/loadavg);" \
             "$(java -version 2>&1 | head -1); launcher's options for report: $L_OPTS; C2: the same without" \
             "-XX:TieredStopAtLevel=1"
        echo
        echo "| db | JVM | read-daily s cold, warm | read-party s cold, warm | floor (warm reads) s |" \
             "grouped-year s less start-up | x floor | peak RSS MB |"
        echo "|---|---|---|---|---|---|---|---|"
        awk 'FNR == NR { v[$1 " " $2 " " $3] = $4; next }
             { k = $1 " " $2 " " $3; w[k] = $4; r[k] = $5 }
             END {
                 for (i = 1; i <= 4; i++) {
                     db = i <= 2 ? "h2" : "pg"; jit = i % 2 ? "launcher" : "C2"
                     if (v[db " " jit " read-daily"] == "") continue
                     floor = v[db " " jit " read-daily"] + v[db " " jit " read-party"]
                     k = db " grouped-year-" jit " rollups"
                     net = w[k] - w[db " grouped-year-" jit "-empty rollups"]
                     printf "| %s | %s | %s, %s | %s, %s | %.2f | %.2f | %.2f | %.0f |\n", db, jit,
                         v[db " " jit " read-daily-cold"], v[db " " jit " read-daily"],
                         v[db " " jit " read-party-cold"], v[db " " jit " read-party"], floor, net, net / floor,
                         r[k] / 1024
                 }
             }' "$WORK/floor-rows" "$ROWS_OUT"
        echo
        awk '$3 ~ /^fold-/ && !seen[$1 " " $3]++ { printf "%s %s: %s rollups in the window; a month tier would" \
             " hold %s (%.1fx fewer), a window tier %s (%.1fx fewer).\n", $1, substr($3, 6) "_rollup", $4, $5,
             $4 / $5, $6, $4 / $6 }' "$WORK/floor-rows"
        echo
        echo "Checked: every grouped-year counted $ROWS rejections; rows read per table are the same in every pass."
    } > "$out"
    cat "$out"
    echo "(written to $out)" >&2
}
[ -z "${FLOOR:-}" ] || { floor_run; exit 0; }

OUT=$WORK/history-results-$(date -u +%Y%m%dT%H%M%SZ).md
{
    echo "# maillog554 history benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $ROWS rows, $SINCE to $UNTIL (365 days)"
    echo
    echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 " GiB" }'), load before run:" \
         "$(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1);" \
         "${MAILLOG554_JAVA_OPTS+MAILLOG554_JAVA_OPTS='$MAILLOG554_JAVA_OPTS' instead of }the launcher's" \
         "options; fastest of $RUNS run(s)"
    echo "- schema: $(find src/main/resources/db/migration src/main/java/db/migration -name 'V*' -printf '%f\n' \
         | sed 's/__.*//' | sort -V | tail -1)$([ ! -d "$WORK/history-$ROWS" ] || echo ", H2 history $(du -sh \
         "$WORK/history-$ROWS" | cut -f1)")"
    echo
} > "$OUT"

: > "$ROWS_OUT"
: > "$WORK/totals"
: > "$WORK/serve-rows"
: > "$WORK/differs"
: > "$WORK/failures"
for db in $DBS; do
    report "$db" report-year rollups empty "${ROLL_YEAR[@]}"
    report "$db" report-year rows empty "${ROWS_YEAR[@]}"
    report "$db" report-year rollups full "${ROLL_YEAR[@]}"
    report "$db" report-year rows full "${ROWS_YEAR[@]}"
    report "$db" report-day rollups empty "${ROLL_DAY[@]}"
    report "$db" report-day rows empty "${ROWS_DAY[@]}"
    report "$db" report-day rollups full "${ROLL_DAY[@]}"
    report "$db" report-day rows full "${ROWS_DAY[@]}"
    report "$db" grouped-year rollups empty "${ROLL_YEAR[@]}" --no-rejections-csv
    report "$db" grouped-year rows empty "${ROWS_YEAR[@]}" --no-rejections-csv
    report "$db" grouped-year rollups full "${ROLL_YEAR[@]}" --no-rejections-csv
    report "$db" grouped-year rows full "${ROWS_YEAR[@]}" --no-rejections-csv
    for kase in report-year report-day grouped-year; do
        a=$(awk -v d="$db" -v k="$kase" '$1 == d && $2 == k && $3 == "rollups" { print $4 }' "$WORK/totals")
        b=$(awk -v d="$db" -v k="$kase" '$1 == d && $2 == k && $3 == "rows" { print $4 }' "$WORK/totals")
        # A path that failed (listed below) has no total: compare what answered, if anything did.
        [ -n "$a" ] || a=$b
        [ -n "$b" ] || b=$a
        [ -n "$a" ] || continue
        [ "$a" = "$b" ] || { echo "WRONG: $db $kase: $a rejections from the rollups, $b from the rows" >&2; exit 1; }
        [ "$kase" = report-day ] || [ "$a" = "$ROWS" ] \
            || { echo "WRONG: $db $kase counted $a, want $ROWS" >&2; exit 1; }
        for f in "$WORK/report-$db-$kase-rollups-full"/*.csv; do
            f=${f##*/}
            [ ! -e "$WORK/report-$db-$kase-rows-full/$f" ] \
                || cmp -s "$WORK/report-$db-$kase-rollups-full/$f" "$WORK/report-$db-$kase-rows-full/$f" \
                || echo "$db $kase $f" >> "$WORK/differs"
        done
    done
    serve_case "$db" rollups "$Q_ROLL"
    serve_case "$db" rows "$Q_ROWS"
done
[ "$(awk '$2 == "report-day" { print $4 }' "$WORK/totals" | sort -u | wc -l)" = 1 ] \
    || { echo "WRONG: the databases disagree on the day's rejections" >&2; exit 1; }

awk '
    { db[NR] = $1; k[NR] = $2; p[NR] = $3; w[NR] = $4; m[NR] = $5; v[$1 " " $2 " " $3] = $4
      if ($7 ~ /^failed:/) { f[NR] = substr($7, 8); bad[$1 " " $2 " " $3] = 1 } }
    END {
        print "| db | case | path | wall s | minus start-up s | peak RSS MB | x rows-path |"
        print "|---|---|---|---|---|---|---|"
        for (r = 1; r <= NR; r++) {
            if (k[r] ~ /-empty$/) continue
            base = v[db[r] " " k[r] "-empty " p[r]]
            net = base != "" ? w[r] - base : ""
            rw = v[db[r] " " k[r] " rows"]; rb = v[db[r] " " k[r] "-empty rows"]
            ref = rb != "" ? rw - rb : rw
            me = net != "" ? net : w[r]
            if (f[r] != "") {
                printf "| %s | %s | %s | %s | | %s | |\n", db[r], k[r], p[r],
                    w[r] == "-" ? f[r] : sprintf("**failed** (%s) after %.2f", f[r], w[r]),
                    m[r] == "-" ? "" : sprintf("%.0f", m[r] / 1024)
                continue
            }
            x = bad[db[r] " " k[r] " rows"] ? "rows path failed" : (ref > 0) ? sprintf("%.2f", me / ref) : ""
            # a start-up slower than the command itself (noise on a small case): the ratio of wall times
            if (!bad[db[r] " " k[r] " rows"] && ((net != "" && net <= 0) || (rb != "" && ref <= 0)) && rw > 0)
                x = sprintf("%.2f of wall", w[r] / rw)
            printf "| %s | %s | %s | %s | %s | %.0f | %s |\n", db[r], k[r], p[r],
                sprintf(w[r] < 1 ? "%.4f" : "%.2f", w[r]),
                net != "" ? sprintf("%.2f", net) : "", m[r] / 1024, x
        }
        print ""
        print "Start-up (the same command on an empty history, same window):"
        for (r = 1; r <= NR; r++) if (k[r] ~ /-empty$/) printf "%s %s %s %s s, %.0f MB; ", db[r], k[r], p[r], w[r],
            m[r] / 1024
        print ""
    }' "$ROWS_OUT" >> "$OUT"
{
    echo
    [ ! -s "$WORK/failures" ] || echo "Failed (a result, not checked): $(tr '\n' ',' < "$WORK/failures" \
        | sed 's/,$//')."
    echo "Checked, of what did not fail: each report counted $ROWS rejections for the year and the same for" \
         "the day on both paths (rejections.csv one line each, none from --no-rejections-csv); every" \
         "/api/counts answer totalled $ROWS."
    if [ -s "$WORK/differs" ]; then
        echo "Grouped files that differ between the paths: $(tr '\n' ',' < "$WORK/differs" | sed 's/,$//')."
    else
        echo "The grouped files of both paths are identical."
    fi
    [ -z "$BUILT" ] || echo "Built in this run (HistoryBench):$BUILT"
} >> "$OUT"
cat "$OUT"
echo "(written to $OUT)" >&2
