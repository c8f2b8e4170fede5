#!/usr/bin/env bash
# Peak RSS of maillog554 through its launcher, per case; where the memory goes (native memory tracking at the
# peak); and what other JVM options cost in time against a baseline in the same run (issue 19: under 256 MB).
#
#   bench/memory.sh [scale]     cases: `scan` of the generated Postfix log (scale 1 = 1 GiB, bench/run.sh's
#                               generator and file names), then `report` and `serve` on the history it stored
#   XL=1 ...                    adds a scan of the 4x log (4 GiB at scale 1)
#   HIST=DIR ...                adds `report` over that history (e.g. bench/report.sh's history-5000000)
#   CASES="scan scan-xl report report-hist serve"   only these cases (default: all that apply)
#   BASE=<commit> ...           the launcher of that commit, beside the same jar, is the baseline ("base" rows;
#                               default d1c1b42, before the launcher's memory options changed)
#   VARIANTS="name|ENV=v ...|JVM options;..."   option sets run through this launcher with MAILLOG554_JAVA_OPTS
#                               (which replaces its options) and the environment given; "serve@name|..." runs in
#                               that case only; default: none
#   CDS=1 ...                   adds "appcds": the launcher's options with an AppCDS archive that a first scan of
#                               20,000 lines made (-XX:ArchiveClassesAtExit), as if the build had shipped one
#   ROUNDS=2 ...                runs of base and launcher per case, alternating (default 1); variants run once
#   SERVE_ROUNDS=3 ...          waves of 50 clients at once against `serve` (default 3)
#   NMT=0 ...                   skips the run per case with native memory tracking (default on)
#   NMT_CASES="scan report" ... only these cases get that run (default: all)
#   BENCH_DIR=/big/disk ...     logs, databases and results (default target/bench; logs are reused)
#
# serve's load is ServeLoadTest's: 50 clients at once, a tenth each on `/`, `/api/counts?group=domain`,
# `/api/counts?group=category`, `/api/rejections?size=50&page=N` and `/api/runs`; every answer must be 200.
# Its "wall" is the time the waves take (start-up excluded), its RSS the process's peak (VmHWM) after them.
# Each scan's summary.csv must equal the generator's counts. Wall and CPU are ratios within one run only:
# RSS does not depend on what else runs, times do.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${1:-0.05}
WORK=$(mkdir -p "${BENCH_DIR:-target/bench}" && cd "${BENCH_DIR:-target/bench}" && pwd)
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
APP=$(cd "$(dirname "$JAR")" && pwd)
LAUNCHER=$APP/maillog554
BASE=${BASE:-d1c1b42}
ROUNDS=${ROUNDS:-1}
SERVE_ROUNDS=${SERVE_ROUNDS:-3}
TIME=/usr/bin/time
GEN=src/test/java/dev/maillog554/bench/LogGenerator.java
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
command -v curl > /dev/null || { echo "needs curl" >&2; exit 2; }
[ -f "$JAR" ] && [ -x "$LAUNCHER" ] || ./mvnw -q package -DskipTests
# The baseline launcher runs the same jar: it must sit beside it, as the shipped one does.
git show "$BASE:src/main/dist/maillog554" > "$APP/maillog554-base"
chmod +x "$APP/maillog554-base"

bytes() { awk -v s="$SCALE" -v b="$1" 'BEGIN { printf "%.0f", s * b }'; }
gen() { # file bytes
    [ -f "$1" ] && [ -f "$1.expected.csv" ] || java "$GEN" postfix "$1" "$2" 554
}
PF=$WORK/postfix-$SCALE.log
XLF=$WORK/postfix-x4-$SCALE.log
if [ -z "${CASES:-}" ]; then
    CASES="scan report serve"
    [ "${XL:-0}" != 1 ] || CASES="$CASES scan-xl"
    [ -z "${HIST:-}" ] || CASES="$CASES report-hist"
fi
case " $CASES " in *" scan "*) gen "$PF" "$(bytes 1073741824)" ;; esac
case " $CASES " in *" scan-xl "*) gen "$XLF" "$(bytes 4294967296)" ;; esac
if [ "${CDS:-0}" = 1 ]; then # the archive of the classes a scan loads, made once per build and JVM
    head -20000 "$PF" > "$WORK/cds.log"
    rm -rf "$WORK/app-cds.jsa" "$WORK/cds-db" "$WORK/cds-report"
    java -XX:ArchiveClassesAtExit="$WORK/app-cds.jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" \
        scan -q --data-dir "$WORK/cds-db" -o "$WORK/cds-report" "$WORK/cds.log" > /dev/null 2> "$WORK/last.err"
fi
DB=$WORK/memory-db # the history the scan case stores, read by the report and serve cases
OUT=$WORK/memory-$(date -u +%Y%m%dT%H%M%SZ).md
ROWS=$WORK/memory-rows
: > "$ROWS"
rm -f "$WORK"/nmt-*

# options_of LAUNCHER COMMAND: the JVM options a launcher passes for a command (a stand-in `java` prints them).
options_of() {
    local fake
    fake=$(mktemp -d)
    mkdir "$fake/bin"
    printf '#!/bin/sh\necho "$@"\n' > "$fake/bin/java"
    chmod +x "$fake/bin/java"
    JAVA_HOME=$fake "$1" "$2" | sed 's/^-Xlog:disable -Xlog:all=warning:stderr //; s/ -jar .*//'
    rm -rf "$fake"
}

# check_counts LOG REPORT_DIR: as bench/run.sh's check, counts by (code, enhanced code, domain, direction).
check_counts() {
    tail -n +2 "$1.expected.csv" \
        | awk -F, '{ c[$1 "," $2 "," $3 "," $4] += $5 } END { for (k in c) print k "," c[k] }' | sort > "$WORK/want"
    tail -n +2 "$2/summary.csv" \
        | awk -F, '{ c[$1 "," $2 "," $3 "," $4] += $8 } END { for (k in c) print k "," c[k] }' | sort > "$WORK/got"
    diff -q "$WORK/want" "$WORK/got" > /dev/null || { echo "WRONG COUNTS on $1: diff $WORK/want $WORK/got" >&2; exit 1; }
}

# nmt_watch PID FILE: while PID lives, keeps in FILE the NMT summary (and heap use) taken at its highest RSS so far,
# and in FILE.histo a class histogram of the live heap every 30 s (the last one taken; each costs a full GC).
nmt_watch() {
    local pid=$1 file=$2 max=0 rss ticks=0
    while kill -0 "$pid" 2> /dev/null; do
        ticks=$((ticks + 1))
        if [ $((ticks % 30)) = 0 ] && jcmd "$pid" GC.class_histogram > "$file.histo.tmp" 2> /dev/null; then
            mv "$file.histo.tmp" "$file.histo"
        fi
        rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status" 2> /dev/null || true)
        if [ -n "$rss" ] && [ "$rss" -gt $((max + 2048)) ]; then
            if jcmd "$pid" VM.native_memory summary > "$file.tmp" 2> /dev/null \
                && jcmd "$pid" GC.heap_info >> "$file.tmp" 2> /dev/null; then
                echo "VmRSS $rss" >> "$file.tmp"
                ps -o nlwp= -p "$pid" | awk '{ print "threads " $1 }' >> "$file.tmp"
                mv "$file.tmp" "$file"
                max=$rss
            fi
        fi
        sleep 1
    done
}

# start CMD...: runs a maillog554 command line in the background under GNU time; sets PID (the JVM) and TPID.
start() {
    "$TIME" -f "%e %U %S %M" -o "$WORK/time" "$@" > "$WORK/last.out" 2> "$WORK/last.err" &
    TPID=$!
    PID=""
    while [ -z "$PID" ] && kill -0 "$TPID" 2> /dev/null; do
        PID=$(pgrep -P "$TPID" || true)
        sleep 0.1
    done
}

# run CASE LABEL LAUNCHER ENV OPTS: one run of CASE; ENV is "A=1 B=2" or "", OPTS "" for the launcher's own
# options ("nmt:" + options: with native memory tracking, sampled). Appends "case label wall cpu rss_kib".
run() {
    local kase=$1 label=$2 launcher=$3 env=$4 opts=$5 nmt="" wall cpu rss
    local -a envs=()
    [ -z "$env" ] || read -r -a envs <<< "$env"
    if [ "${opts#nmt:}" != "$opts" ]; then
        opts="${opts#nmt:} -XX:NativeMemoryTracking=summary"
        nmt=$WORK/nmt-$kase-$label
        rm -f "$nmt" "$nmt".*
    fi
    [ -z "$opts" ] || envs+=("MAILLOG554_JAVA_OPTS=$opts")
    case $kase in
        scan | scan-xl)
            local log=$PF
            [ "$kase" = scan ] || log=$XLF
            rm -rf "$DB" "$WORK/memory-report"
            start env "${envs[@]}" "$launcher" scan -q --data-dir "$DB" -o "$WORK/memory-report" "$log" ;;
        report | report-hist)
            local hist=$DB
            [ "$kase" = report ] || hist=$HIST
            rm -rf "$WORK/memory-report"
            start env "${envs[@]}" "$launcher" report --timezone UTC --data-dir "$hist" -o "$WORK/memory-report" ;;
        serve)
            local port=$((20000 + RANDOM % 20000)) i wave codes t0 t1
            start env "${envs[@]}" "$launcher" serve --port "$port" --data-dir "$DB"
            for i in $(seq 1 120); do
                curl -sf -o /dev/null "http://127.0.0.1:$port/api/runs" && break
                kill -0 "$TPID" 2> /dev/null || break
                sleep 0.5
            done ;;
    esac
    [ -z "$nmt" ] || { nmt_watch "$PID" "$nmt" & }
    if [ "$kase" = serve ]; then
        t0=$(date +%s.%N)
        for wave in $(seq 1 "$SERVE_ROUNDS"); do
            codes=$(for i in $(seq 0 49); do
                case $((i % 5)) in
                    0) echo "/" ;;
                    1) echo "/api/counts?group=domain" ;;
                    2) echo "/api/counts?group=category" ;;
                    3) echo "/api/rejections?size=50&page=$((i + wave))" ;;
                    *) echo "/api/runs" ;;
                esac
            done | xargs -P 50 -I{} curl -s -o /dev/null -m 300 -w '%{http_code}\n' "http://127.0.0.1:$port{}" \
                | sort | uniq -c | tr -s ' ' | tr '\n' ',')
            [ "$codes" = " 50 200," ] || { echo "serve ($label) wave $wave answered: $codes" >&2; exit 1; }
        done
        t1=$(date +%s.%N)
        rss=$(awk '/^VmHWM/ { print $2 }' "/proc/$PID/status")
        cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$PID/stat")
        kill -TERM "$PID"
        wait "$TPID" || true
        wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    else
        wait "$TPID" || { echo "$kase ($label) failed:" >&2; tail -5 "$WORK/last.err" >&2; exit 1; }
        read -r wall u s rss < <(tail -1 "$WORK/time")
        cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
        case $kase in
            scan) check_counts "$PF" "$WORK/memory-report" ;;
            scan-xl) check_counts "$XLF" "$WORK/memory-report" ;;
        esac
    fi
    wait # the NMT watcher
    [ -z "$nmt" ] || rm -f "$nmt.tmp" "$nmt.histo.tmp"
    echo "$kase $label $wall $cpu $rss" >> "$ROWS"
    echo "$kase $label: $wall s, $cpu s CPU, $((rss / 1024)) MB" >&2
}

# variants: one "name|env|options" per line, from VARIANTS.
variants() { [ -z "${VARIANTS:-}" ] || tr ';' '\n' <<< "$VARIANTS" | sed '/^[[:space:]]*$/d'; }

{
    echo "# maillog554 memory benchmark, $(date -u +%Y-%m-%dT%H:%MZ), scale $SCALE"
    echo
    echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 " GiB" }'), load before run:" \
         "$(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
    echo "- launcher (this tree): scan/report '$(options_of "$LAUNCHER" scan)', serve" \
         "'$(options_of "$LAUNCHER" serve)'"
    echo "- base (launcher of $BASE): scan/report '$(options_of "$APP/maillog554-base" scan)', serve" \
         "'$(options_of "$APP/maillog554-base" serve)'"
    variants | while IFS='|' read -r name env opts; do echo "- $name: ${env:+$env }$opts"; done
    echo
} > "$OUT"

for kase in $CASES; do
    for r in $(seq 1 "$ROUNDS"); do
        run "$kase" base "$APP/maillog554-base" "" ""
        run "$kase" launcher "$LAUNCHER" "" ""
    done
    while IFS='|' read -r name env opts; do
        case $name in
            *@*) [ "${name%%@*}" = "$kase" ] || continue; name=${name#*@} ;;
        esac
        run "$kase" "$name" "$LAUNCHER" "$env" "$opts"
    done < <(variants)
    if [ "${CDS:-0}" = 1 ]; then
        run "$kase" appcds "$LAUNCHER" "" \
            "$(options_of "$LAUNCHER" "${kase%%-*}") -XX:SharedArchiveFile=$WORK/app-cds.jsa -Xshare:auto"
    fi
    if [ "${NMT:-1}" = 1 ] && [[ " ${NMT_CASES:-$kase} " == *" $kase "* ]]; then
        run "$kase" launcher+nmt "$LAUNCHER" "" "nmt:$(options_of "$LAUNCHER" "${kase%%-*}")"
    fi
done

# Table: per case, every row's ratio to the base rows' mean (wall, CPU).
awk '
    { k[NR] = $1; l[NR] = $2; w[NR] = $3; c[NR] = $4; m[NR] = $5
      if ($2 == "base") { bw[$1] += $3; bc[$1] += $4; bn[$1]++ } }
    END {
        print "| case | options | wall s | CPU s | peak RSS MB | x base wall | x base CPU |"
        print "|---|---|---|---|---|---|---|"
        for (r = 1; r <= NR; r++)
            printf "| %s | %s | %.2f | %.2f | %.0f | %s | %s |\n", k[r], l[r], w[r], c[r], m[r] / 1024,
                bn[k[r]] ? sprintf("%.2f", w[r] / (bw[k[r]] / bn[k[r]])) : "",
                bn[k[r]] ? sprintf("%.2f", c[r] / (bc[k[r]] / bn[k[r]])) : ""
    }' "$ROWS" >> "$OUT"
echo >> "$OUT"
echo "RSS in MiB (GNU time's KiB / 1024; serve: VmHWM after the waves). serve's wall is its $SERVE_ROUNDS waves" \
     "of 50 clients, start-up excluded; its CPU the process's whole life." >> "$OUT"

# Where the memory goes: each case's NMT summary at its highest RSS (the launcher's options plus NMT, which
# itself takes a few MB), committed MiB per category; "outside NMT" is RSS minus NMT's total (malloc arenas'
# free space, the JDK's own libraries, the launcher's shell is gone by then).
rm -f "$WORK"/nmt-*.tmp
if ls "$WORK"/nmt-*[^o] > /dev/null 2>&1; then
    {
        echo
        echo "Native memory tracking at each case's highest RSS sample (committed MiB):"
        echo
        echo "| case, options | RSS | heap (used) | class metadata | symbols | CDS archive | code | GC |" \
             "compiler + arenas | threads (n) | NMT itself | other NMT | outside NMT |"
        echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
        for f in "$WORK"/nmt-*; do
            [ "${f%.histo}" = "$f" ] || continue
            awk -v kase="${f##*/nmt-}" '
                /^Total:/ { match($0, /committed=[0-9]+KB/); total = substr($0, RSTART + 10, RLENGTH - 12) / 1024 }
                /^-/ { name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name)
                       if (match($0, /committed=[0-9]+KB/)) c[name] = substr($0, RSTART + 10, RLENGTH - 12) / 1024 }
                /\(thread #/ { match($0, /#[0-9]+/); n = substr($0, RSTART + 1, RLENGTH - 1) }
                /total [0-9]+K, used [0-9]+K/ {
                    match($0, /used [0-9]+K/); used += substr($0, RSTART + 5, RLENGTH - 6) / 1024 }
                /^VmRSS/ { rss = $2 / 1024 }
                END {
                    meta = c["Class"] + c["Metaspace"]; arena = c["Compiler"] + c["Arena Chunk"]
                    nmt = c["Native Memory Tracking"]
                    named = c["Java Heap"] + meta + c["Symbol"] + c["Shared class space"] + c["Code"] + c["GC"] \
                        + arena + c["Thread"] + nmt
                    printf "| %s | %.0f | %.0f (%.0f) | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f (%d) | %.0f |" \
                        " %.0f | %.0f |\n", kase, rss, c["Java Heap"], used, meta, c["Symbol"], c["Shared class space"],
                        c["Code"], c["GC"], arena, c["Thread"], n, nmt, total - named, rss - total
                }' "$f"
        done
        echo
        echo "Live heap (a class histogram, so after a full collection) in the last 30-second sample of each NMT" \
             "run, MiB: the five largest classes and the total."
        echo
        for f in "$WORK"/nmt-*.histo; do
            [ -f "$f" ] || continue
            f0=${f%.histo}
            awk -v kase="${f0##*/nmt-}" '$1 ~ /^[0-9]+:$/ && n < 5 { top = top sprintf("%s %.1f, ", $4, $3 / 1048576); n++ }
                /^Total/ { printf "- %s: %.1f total; %s\n", kase, $3 / 1048576, top }' "$f"
        done
    } >> "$OUT"
fi
cat "$OUT"
echo "(written to $OUT; NMT summaries in $WORK/nmt-*)" >&2
