#!/usr/bin/env bash
# Start-up benchmark: wall time of "maillog554 scan <small file>" for several JVM packagings.
#
#   bench/startup.sh [runs]          build the variants, then time <runs> launches of each (default 15)
#   NO_BUILD=1 bench/startup.sh      reuse the builds in target/startup-bench/
#
# Variants (each built from the same sources into target/startup-bench/<name>/):
#   plain     ./mvnw package on JDK 17 (the default build), java -jar quarkus-run.jar
#   appcds    -Dquarkus.package.jar.appcds.enabled=true on JDK 17, java -XX:SharedArchiveFile=app-cds.jsa -jar ...
#   appcds-c1 the appcds build with -XX:TieredStopAtLevel=1 -XX:+UseSerialGC (a short run gains nothing from C2)
#   plain25   the plain build run on JDK 25 (to separate "newer JDK" from "AOT cache")
#   aot25     built on JDK 25 with -Dquarkus.package.jar.aot.enabled=true (Leyden, JEP 483/514/515),
#             java -XX:AOTCache=app.aot -jar ...
# Launches are interleaved (round 1: every variant, round 2: every variant, ...) rather than one variant after the
# other, so a change in machine load during the run hits all variants alike; ratios are against "plain" of the
# same run. Each variant has its own database, created by an untimed warm-up launch, as a cron job would find it.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-15}
JDK17=${JDK17:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT=target/startup-bench
mkdir -p "$OUT"

build() { # name, JAVA_HOME, extra maven args...
    local name=$1 home=$2
    shift 2
    echo "building $name with $("$home/bin/java" -version 2>&1 | head -n 1)" >&2
    # The AppCDS/AOT training run starts the application, Flyway included: keep it off the user's database.
    MAILLOG554_DATA_DIR=$(readlink -f "$OUT")/db-build JAVA_HOME=$home ./mvnw -B -q package -DskipTests "$@" >"$OUT/$name-build.log" 2>&1 \
        || { tail -n 40 "$OUT/$name-build.log" >&2; return 1; }
    rm -rf "${OUT:?}/$name"
    # -a keeps the jar timestamps: the CDS and AOT archives are only accepted for the exact jars they were built from.
    cp -a target/quarkus-app "$OUT/$name"
}

if [[ -z "${NO_BUILD:-}" ]]; then
    build aot25 "$JDK25" -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=AOT \
        -Dquarkus.package.jar.aot.phase=BUILD
    build appcds "$JDK17" -Dquarkus.package.jar.appcds.enabled=true
    # Last, so target/quarkus-app is the default build again afterwards.
    build plain "$JDK17"
fi

# A small Postfix log: 40 lines, 4 of them 554 rejections (documentation addresses only).
SMALL=$OUT/small.log
: >"$SMALL"
for i in $(seq 1 9); do
    cat >>"$SMALL" <<LOG
Mar  3 10:1$i:01 mx1 postfix/smtpd[2211]: connect from unknown[203.0.113.$i]
Mar  3 10:1$i:02 mx1 postfix/smtpd[2211]: NOQUEUE: reject: RCPT from unknown[203.0.113.$i]: 554 5.7.1 <bob$i@example.org>: Relay access denied; from=<a@example.net> to=<bob$i@example.org> proto=ESMTP helo=<x>
Mar  3 10:1$i:03 mx1 postfix/smtpd[2211]: disconnect from unknown[203.0.113.$i] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4
Mar  3 10:1$i:04 mx1 postfix/smtp[3100]: 4F1A2B$i: to=<carol@example.com>, relay=mx.example.com[198.51.100.7]:25, delay=1.2, dsn=2.0.0, status=sent (250 2.0.0 Ok)
LOG
done
head -n 40 "$SMALL" >"$SMALL.tmp" && mv "$SMALL.tmp" "$SMALL"

# name -> command prefix. -Xshare:on and -XX:AOTMode=on make the JVM fail instead of silently ignoring an archive
# that does not match the jars (shown as a non-zero exit below), so a variant is never measured without its archive. (the jar path and the scan arguments are appended)
declare -A CMD=(
    [plain]="$JDK17/bin/java -jar"
    [appcds]="$JDK17/bin/java -XX:SharedArchiveFile=app-cds.jsa -Xshare:on -jar"
    [appcds-c1]="$JDK17/bin/java -XX:SharedArchiveFile=app-cds.jsa -Xshare:on -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar"
    [plain25]="$JDK25/bin/java -jar"
    [aot25]="$JDK25/bin/java -XX:AOTCache=app.aot -XX:AOTMode=on -jar"
)
declare -A DIR=([plain]=plain [appcds]=appcds [appcds-c1]=appcds [plain25]=plain [aot25]=aot25)
VARIANTS=()
for v in plain appcds appcds-c1 plain25 aot25; do
    if [[ -d "$OUT/${DIR[$v]}" ]]; then
        VARIANTS+=("$v")
    fi
done
[[ -f "$OUT/appcds/app-cds.jsa" ]] || echo "warning: $OUT/appcds/app-cds.jsa missing" >&2
[[ -f "$OUT/aot25/app.aot" ]] || echo "warning: $OUT/aot25/app.aot missing" >&2

launch() { # variant -> prints "wall_ms exit_code"
    local v=$1 abs start end rc=0
    abs=$(readlink -f "$OUT")
    start=$(date +%s%N)
    # Quarkus resolves the archive relative to the working directory, so run from the app folder.
    (cd "$OUT/${DIR[$v]}" && ${CMD[$v]} quarkus-run.jar scan --quiet --data-dir "$abs/db-$v" \
        --out "$abs/report-$v" "$abs/small.log" >/dev/null 2>"$abs/last-$v.err") || rc=$?
    end=$(date +%s%N)
    echo "$(((end - start) / 1000000)) $rc"
}

for v in "${VARIANTS[@]}"; do
    rm -rf "$OUT/db-$v" "$OUT/report-$v" "$OUT/times-$v"
    launch "$v" >/dev/null # warm-up: creates the database and the OS file cache
done
for r in $(seq 1 "$RUNS"); do
    for v in "${VARIANTS[@]}"; do
        launch "$v" >>"$OUT/times-$v"
    done
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
base=$(cut -d' ' -f1 "$OUT/times-plain" | median)
echo
echo "maillog554 scan (40-line log), median of $RUNS interleaved runs; $(nproc) CPUs;" \
    "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %10s %10s %10s %8s %s\n' variant median_ms min_ms max_ms ratio exit
for v in "${VARIANTS[@]}"; do
    m=$(cut -d' ' -f1 "$OUT/times-$v" | median)
    lo=$(cut -d' ' -f1 "$OUT/times-$v" | sort -n | head -n 1)
    hi=$(cut -d' ' -f1 "$OUT/times-$v" | sort -n | tail -n 1)
    rc=$(cut -d' ' -f2 "$OUT/times-$v" | sort -u | tr '\n' ' ')
    printf '%-9s %10s %10s %10s %8s %s\n' "$v" "$m" "$lo" "$hi" "$(awk -v m="$m" -v b="$base" \
        'BEGIN {printf "%.2f", m / b}')" "$rc"
done
