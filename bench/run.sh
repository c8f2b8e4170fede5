#!/usr/bin/env bash
# Throughput benchmark of `maillog554 scan` against grep, gzip, pflogsumm and eximstats on the same files.
#
#   bench/run.sh [scale]        scale 1 = 1 GiB Postfix + 200 MiB Exim (default 0.05, a quick run)
#   HEAVY=1 bench/run.sh 1      adds a Postfix log where ~40% of the lines are 554 rejections
#   XL=1 bench/run.sh 1         adds a Postfix log 4x the size (4 GiB at scale 1): memory must stay flat
#   BENCH_DIR=/big/disk ...     where logs and results go (default target/bench; logs are reused)
#   JAVA_OPTS="..." ...         JVM options for the scans, instead of the launcher's (target/quarkus-app/maillog554)
#
# On the plain Postfix and Exim logs it also times the two halves of a scan apart, on this tree's classes
# (FloorBench, in the test sources; each phase runs twice in one JVM: the first as a fresh JVM runs it, the
# "-cold" rows, the second with the JIT warm, lower bounds):
# floor-read reads, parses, classifies and keys the log on one thread with no database; floor-store inserts
# those rejections into a fresh H2 history with the scan's own insert code (floor-store-bare: the same with no
# index but the primary key). A scan runs reading and storing side by side, so on two cores it cannot beat
# start-up plus the longer of the two. FLOOR_WITHOUT=ux_rejection_dedupe_key,... adds a row per index stored
# without, to tell what each costs.
#
# Every scan's summary.csv is compared with the counts the generator wrote: a wrong answer fails the run.
# Ratios are only meaningful within one run on one machine; see bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${1:-0.05}
WORK=$(mkdir -p "${BENCH_DIR:-target/bench}" && cd "${BENCH_DIR:-target/bench}" && pwd)
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}  # JAR=... to time another build
LAUNCHER=$(dirname "$JAR")/maillog554
if [ -n "${JAVA_OPTS:-}" ]; then
    export MAILLOG554_JAVA_OPTS=$JAVA_OPTS # replaces the launcher's own options
fi
GEN=src/test/java/dev/maillog554/bench/LogGenerator.java
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
[ -f "$JAR" ] && [ -x "$LAUNCHER" ] || ./mvnw -q package -DskipTests
[ -f target/test-classes/dev/maillog554/store/FloorBench.class ] || ./mvnw -q test-compile

bytes() { awk -v s="$SCALE" -v b="$1" 'BEGIN { printf "%.0f", s * b }'; }
gen() { # kind file bytes [rate]
    if [ ! -f "$2" ] || [ ! -f "$2.expected.csv" ]; then
        java "$GEN" "$1" "$2" "$3" 554 ${4:-}
    fi
    [ -n "${NOGZ:-}" ] || [ -f "$2.gz" ] || gzip -k -6 "$2"
}
PF=$WORK/postfix-$SCALE.log
EX=$WORK/exim-$SCALE.log
gen postfix "$PF" "$(bytes 1073741824)"
gen exim "$EX" "$(bytes 209715200)"
FILES=("$PF" "$PF.gz" "$EX" "$EX.gz")
if [ "${HEAVY:-0}" = 1 ]; then
    HV=$WORK/postfix-heavy-$SCALE.log
    gen postfix "$HV" "$(bytes 1073741824)" 0.9
    FILES+=("$HV")
fi
if [ "${XL:-0}" = 1 ]; then
    XLF=$WORK/postfix-x4-$SCALE.log
    NOGZ=1 gen postfix "$XLF" "$(bytes 4294967296)"
    FILES+=("$XLF")
fi

OUT=$WORK/results-$(date -u +%Y%m%dT%H%M%SZ).md
RAW=$(mktemp)
trap 'rm -f "$RAW"' EXIT

# measure LABEL FILE CMD...: wall, user+sys CPU and peak RSS of CMD (a shell pipeline is timed as a whole).
measure() {
    local label=$1 file=$2
    shift 2
    "$TIME" -f "%e %U %S %M" -o "$RAW" "$@" > /dev/null 2>"$WORK/last.err" || {
        echo "$label failed on $file:" >&2; tail -5 "$WORK/last.err" >&2; return 1; }
    read -r wall user sys rss < <(tail -1 "$RAW")
    echo "$label $file $wall $user $sys $rss"
}

# scan LABEL INPUT...: the launcher the build ships beside the jar (its JVM options: C1 only, Serial GC, small
# heap), with a fresh database and report folder each time, so every run stores everything.
# scan_jar LABEL INPUT...: plain `java -jar` with the JVM's defaults, the baseline for the launcher's options.
scan() {
    local label=$1
    shift
    rm -rf "$WORK/db" "$WORK/report"
    measure "$label" "$(IFS=+; echo "$*")" "$LAUNCHER" scan -q --data-dir "$WORK/db" -o "$WORK/report" "$@"
}
scan_jar() {
    local label=$1
    shift
    rm -rf "$WORK/db" "$WORK/report"
    measure "$label" "$(IFS=+; echo "$*")" java -jar "$JAR" scan -q --data-dir "$WORK/db" -o "$WORK/report" "$@"
}

# scan_options: the JVM options the launcher passes for a scan, asked of the launcher itself (a stand-in `java`
# under JAVA_HOME prints them), so the header says what ran, MAILLOG554_JAVA_OPTS included.
scan_options() {
    local fake
    fake=$(mktemp -d)
    mkdir "$fake/bin"
    printf '#!/bin/sh\necho "$@"\n' > "$fake/bin/java"
    chmod +x "$fake/bin/java"
    JAVA_HOME=$fake "$LAUNCHER" scan | sed 's/^-Xlog:disable -Xlog:all=warning:stderr //; s/ -jar .*//'
    rm -rf "$fake"
}

# floor FILE: FloorBench's rows (wall and CPU of each phase, no RSS: one process holds every rejection); each
# phase must have found or stored the generator's total of rejections.
floor() {
    rm -rf "$WORK/floor-db"
    mkdir -p "$WORK/floor-db"
    java -Xmx2g -Dfloor.without="${FLOOR_WITHOUT:-}" \
        -cp "target/classes:target/test-classes:$(dirname "$JAR")/lib/main/*:$(dirname "$JAR")/lib/boot/*" \
        dev.maillog554.store.FloorBench "$1" "$WORK/floor-db" > "$WORK/floor.out" 2> "$WORK/last.err" || {
        echo "FloorBench failed on $1:" >&2; tail -5 "$WORK/last.err" >&2; return 1; }
    local want
    want=$(tail -n +2 "$1.expected.csv" | awk -F, '{ n += $5 } END { print n + 0 }')
    awk -v want="$want" -v f="$1" '$4 != want { print "WRONG COUNT in FloorBench " $1 " of " f ": " $4 \
        ", expected " want > "/dev/stderr"; exit 1 }' "$WORK/floor.out"
    awk -v f="$1" '{ print "floor-" $1, f, $2, $3, 0, 0 }' "$WORK/floor.out"
}

# check INPUT...: the (code, enhanced, domain, direction) counts must equal the generator's, summed over inputs.
check() {
    local f
    for f in "$@"; do tail -n +2 "${f%.gz}.expected.csv"; done \
        | awk -F, '{ c[$1 "," $2 "," $3 "," $4] += $5 } END { for (k in c) print k "," c[k] }' | sort > "$WORK/want"
    tail -n +2 "$WORK/report/summary.csv" \
        | awk -F, '{ c[$1 "," $2 "," $3 "," $4] += $8 } END { for (k in c) print k "," c[k] }' | sort > "$WORK/got"
    diff -q "$WORK/want" "$WORK/got" > /dev/null \
        || { echo "WRONG COUNTS for $*: diff $WORK/want $WORK/got" >&2; exit 1; }
}

{
    echo "# maillog554 benchmark, $(date -u +%Y-%m-%dT%H:%MZ), scale $SCALE"
    echo
    echo "- machine: $(nproc) cores, $(awk '/model name/ { sub(/.*: /, ""); print; exit }' /proc/cpuinfo)," \
         "$(free -g | awk '/Mem:/ { print $2 " GiB" }'), load before run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- $(java -version 2>&1 | head -1); maillog554 rows: the launcher, JVM options '$(scan_options)';" \
         "maillog554-java-jar: plain java -jar, JVM defaults"
    echo
} > "$OUT"

: > "$WORK/rows"
head -1000 "$PF" > "$WORK/startup.log"
scan startup "$WORK/startup.log" >> "$WORK/rows"
for f in "${FILES[@]}"; do
    # The references read what they read best: grep plain files, gzip -dc compressed ones; the log
    # summarisers get a decompressed stream for .gz (pflogsumm does not unpack by itself).
    case $f in
        *.gz) measure gzip-dc "$f" sh -c "gzip -dc '$f' | wc -l" >> "$WORK/rows"; cat="gzip -dc" ;;
        # GNU grep stops at the first match when its output is /dev/null: pipe it so it reads everything.
        *) measure grep "$f" sh -c "LC_ALL=C grep -c ' 554 ' '$f' | cat" >> "$WORK/rows"; cat=cat ;;
    esac
    case $f in
        "${XLF:-}") ;; # the 4x log is for memory; pflogsumm's ratio is already measured on the 1x one
        *postfix*) ! command -v pflogsumm > /dev/null \
            || measure pflogsumm "$f" sh -c "$cat '$f' | pflogsumm" >> "$WORK/rows" ;;
        *exim*) ! command -v eximstats > /dev/null \
            || measure eximstats "$f" sh -c "$cat '$f' | eximstats" >> "$WORK/rows" ;;
    esac
    scan maillog554 "$f" >> "$WORK/rows"
    check "$f"
    case $f in
        "$PF") scan_jar maillog554-java-jar "$f" >> "$WORK/rows"; check "$f" ;;
    esac
    case $f in
        "$PF" | "$EX") floor "$f" >> "$WORK/rows" ;;
    esac
done
# Several inputs in one run (the way a directory of rotated logs is scanned).
scan maillog554-all "$PF" "$EX" "$PF.gz" "$EX.gz" >> "$WORK/rows"
# The .gz copies repeat the same lines: each rejection must be counted and stored once.
check "$PF" "$EX"

# Table: MB/s counts the uncompressed bytes for every tool, so .gz rows compare work done, not file size.
awk -v gz_ratio=1 '
    function size(f,   cmd, s) {
        n = split(f, parts, "+"); s = 0
        for (i = 1; i <= n; i++) {
            p = parts[i]; sub(/\.gz$/, "", p)
            cmd = "stat -c %s \"" p "\""; cmd | getline b; close(cmd); s += b
            cmd = "wc -l < \"" p "\""; cmd | getline l; close(cmd); lines += l
        }
        return s
    }
    {
        tool[NR] = $1; file[NR] = $2; wall[NR] = $3; cpu[NR] = $4 + $5; rss[NR] = $6
        lines = 0; bytes[NR] = size($2); nlines[NR] = lines
        if ($1 == "grep") grepw[$2] = $3
        if ($1 == "gzip-dc") gzw[$2] = $3
        if ($1 == "pflogsumm" || $1 == "eximstats") refw[$2] = $3
        if ($1 == "startup") start = $3
    }
    END {
        print "| tool | file | wall s | CPU s | MB/s | lines/s | peak RSS MB | x grep | x gzip -dc | x pflogsumm/eximstats |"
        print "|---|---|---|---|---|---|---|---|---|---|"
        for (r = 1; r <= NR; r++) {
            f = file[r]; gsub(/[^+]*\//, "", f)
            mbs = bytes[r] / 1e6 / (wall[r] > 0 ? wall[r] : 0.01)
            ratio = (tool[r] != "grep" && (file[r] in grepw)) ? sprintf("%.2f", grepw[file[r]] / wall[r]) : ""
            gzr = (tool[r] != "gzip-dc" && (file[r] in gzw)) ? sprintf("%.2f", gzw[file[r]] / wall[r]) : ""
            ref = (tool[r] == "maillog554" && (file[r] in refw)) ? sprintf("%.1f", refw[file[r]] / wall[r]) : ""
            mem = rss[r] > 0 ? sprintf("%.0f", rss[r] / 1024) : ""
            printf "| %s | %s | %.2f | %.2f | %.0f | %.0f | %s | %s | %s | %s |\n", tool[r], f, wall[r], cpu[r],
                mbs, nlines[r] / (wall[r] > 0 ? wall[r] : 0.01), mem, ratio, gzr, ref
        }
        printf "\nStartup (JVM, Quarkus, fresh H2 database, reports) on a 1000-line log: %.2f s wall; it is part of " \
            "every maillog554 row above.\n", start
        print "floor-read and floor-store are the two halves of a scan timed apart (FloorBench: one JVM, C2, 2 GB" \
            " heap, each phase run twice: -cold is the first run, the other the second, warm one, so lower bounds):" \
            " start-up plus the longer of the warm two is less than a scan can take on two cores; floor-store-bare" \
            " stores the same rows with no index but the primary key."
    }' "$WORK/rows" >> "$OUT"
echo >> "$OUT"
echo "All maillog554 rows: summary.csv matched the generator's expected counts exactly." >> "$OUT"
cat "$OUT"
echo "(written to $OUT)" >&2
