#!/usr/bin/env bash
# A/B timing of two builds' `scan` on the same logs, alternating them so that a machine getting slower or faster
# weighs on both alike (bench/RESULTS.md, 13:18 section).
#
#   bench/ab.sh A_APP B_APP LOG...    A_APP, B_APP: target/quarkus-app folders of the two builds, e.g. one made
#                                     in a `git worktree` of the commit before; each scan runs through the folder's
#                                     launcher (its JVM options), on a fresh database
#   ROUNDS=2 ...                      rounds per log (default 2)
#   BENCH_DIR=/big/disk ...           where databases and reports go (default target/bench-ab)
#
# A log with a generator's <log>.expected.csv beside it (bench/run.sh makes them) must give exactly its counts,
# in both builds: a fast wrong answer does not count.
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
A=$(cd "$1" && pwd)
B=$(cd "$2" && pwd)
shift 2
ROUNDS=${ROUNDS:-2}
WORK=$(mkdir -p "${BENCH_DIR:-target/bench-ab}" && cd "${BENCH_DIR:-target/bench-ab}" && pwd)
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

# run APP LOG: prints "wall cpu rss_kib", after checking the counts.
run() {
    rm -rf "$WORK/db" "$WORK/report"
    "$TIME" -f "%e %U %S %M" -o "$WORK/time" "$1/maillog554" scan -q --data-dir "$WORK/db" -o "$WORK/report" "$2" \
        2> "$WORK/last.err" || { echo "scan with $1 failed on $2:" >&2; tail -5 "$WORK/last.err" >&2; exit 1; }
    if [ -f "$2.expected.csv" ]; then
        # as bench/run.sh's check: counts by (code, enhanced code, domain, direction)
        tail -n +2 "$2.expected.csv" \
            | awk -F, '{ c[$1 "," $2 "," $3 "," $4] += $5 } END { for (k in c) print k "," c[k] }' | sort > "$WORK/want"
        tail -n +2 "$WORK/report/summary.csv" \
            | awk -F, '{ c[$1 "," $2 "," $3 "," $4] += $8 } END { for (k in c) print k "," c[k] }' | sort > "$WORK/got"
        diff -q "$WORK/want" "$WORK/got" > /dev/null \
            || { echo "WRONG COUNTS with $1 on $2: diff $WORK/want $WORK/got" >&2; exit 1; }
    fi
    awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 }' "$WORK/time"
}

echo "A: $A"
echo "B: $B"
echo
echo "| log | round | A wall s | B wall s | A CPU s | B CPU s | A RSS MB | B RSS MB | B / A wall |"
echo "|---|---|---|---|---|---|---|---|---|"
for log in "$@"; do
    for round in $(seq 1 "$ROUNDS"); do
        run "$A" "$log" > "$WORK/a"
        run "$B" "$log" > "$WORK/b"
        read -r aw ac ar < "$WORK/a"
        read -r bw bc br < "$WORK/b"
        awk -v l="$(basename "$log")" -v r="$round" -v aw="$aw" -v bw="$bw" -v ac="$ac" -v bc="$bc" -v ar="$ar" \
            -v br="$br" 'BEGIN { printf "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %.2f |\n",
                l, r, aw, bw, ac, bc, ar / 1024, br / 1024, bw / aw }'
    done
done
