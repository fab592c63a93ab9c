#!/usr/bin/env bash
# Authenticated REGISTER/s: SIPp against Switchboard's registrar (SQLite or PostgreSQL, bindings
# written through and refreshed behind) and against the Kamailio anchor (../shared/anchors), same
# machine, same run.
# Usage: bench/sipp/register.sh [RATE] [USERS] [sqlite|postgresql]
#   (from the worktree root; JAVA_HOME must be JDK 25; postgresql needs the server at 127.0.0.1:5432)
# SB_JFR=/tmp/reg.jfr records a Java Flight Recording of Switchboard's run into that file.
# SKIP_KAMAILIO=1 measures Switchboard only.
# Each server first gets the same warm-up pass (WARMUP_CALLS REGISTERs, default 6000, at
# WARMUP_RATE/s, default 1000; WARMUP_CALLS=0 skips it): it binds every user once, so the measured
# run is the steady state of phones refreshing, and Switchboard's JIT has compiled the hot path
# (Kamailio is native and needs no warm-up; a cold JVM hit at full rate measures the compiler).
# Prints, for each server, SIPp's successful/failed calls, retransmissions and the achieved rate
# of the warm-up and of the measured run.
set -euo pipefail
RATE=${1:-2000}
USERS=${2:-200}
DB=${3:-sqlite}
CALLS=$((RATE * 10))
WARMUP_CALLS=${WARMUP_CALLS:-6000}
WARMUP_RATE=${WARMUP_RATE:-1000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ANCHORS=${ANCHORS:-$ROOT/../shared/anchors}
[ -d "$ANCHORS" ] || ANCHORS=/work/shared/anchors
WORK=$(mktemp -d)
BUILD=target-bench
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

users_file() { # $1 = first user number
  echo SEQUENTIAL
  for ((i = 0; i < USERS; i++)); do
    u=$(($1 + i)); echo "$u;127.0.0.1;[authentication username=$u password=secret123]"
  done
}

run_sipp() { # $1 = label, $2 = port, $3 = users file, $4 = SIPp's own port, $5 = rate, $6 = calls
  local stats="$WORK/$1"
  (cd "$WORK" && sipp "127.0.0.1:$2" -sf "$ANCHORS/sipp-register-auth.xml" -inf "$3" -i 127.0.0.1 \
    -p "$4" -r "$5" -m "$6" -timeout 120s -nostdin -trace_stat -fd 1 -stf "$stats.csv" >/dev/null 2>&1) || true
  # Column positions from SIPp's stat header.
  python3 - "$stats.csv" "$1" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1]), delimiter=';'))
head, last = rows[0], rows[-1]
col = lambda n: last[head.index(n)]
elapsed = col('ElapsedTime(C)')
h, m, s = elapsed.split(':'); secs = int(h) * 3600 + int(m) * 60 + float(s)
ok = int(col('SuccessfulCall(C)')); failed = int(col('FailedCall(C)'))
print(f"{sys.argv[2]}: successful={ok} failed={failed} retransmissions={col('Retransmissions(C)')} "
      f"elapsed={secs:.1f}s achieved={ok / secs:.0f}/s")
PY
}

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$ROOT"
./mvnw -o -q -Dsb.build.dir=$BUILD -pl pbx -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/pbx/$BUILD/test-classes:$ROOT/pbx/$BUILD/classes:$(cat "$WORK/cp.txt")"

users_file 2000 > "$WORK/users-sb.csv"
JFR_OPTS=()
[ -n "${SB_JFR:-}" ] && JFR_OPTS=("-XX:StartFlightRecording=filename=$SB_JFR,dumponexit=true")
"$JAVA_HOME/bin/java" "${JFR_OPTS[@]}" -cp "$CP" org.switchboard.pbx.registrar.RegisterBenchServer "$USERS" "$DB" \
  > "$WORK/server.log" 2>&1 &
PIDS+=($!)
until grep -q '^PORT ' "$WORK/server.log"; do sleep 1; done
PORT=$(awk '/^PORT /{print $2}' "$WORK/server.log")
cpu_ticks() { # CPU time (user + system, clock ticks) of the process $1 and its children processes
  local pids total=0 t
  pids="$1 $(pgrep -P "$1" | xargs)"
  for p in $pids; do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0); total=$((total + t))
  done
  echo "$total"
}
measure() { # $1 = label, $2 = port, $3 = users file, $4 = SIPp's own port, $5 = server pid
  if [ "$WARMUP_CALLS" -gt 0 ]; then
    run_sipp "$1-warmup" "$2" "$3" "$4" "$WARMUP_RATE" "$WARMUP_CALLS"
  fi
  local before after
  before=$(cpu_ticks "$5")
  run_sipp "$1" "$2" "$3" "$4" "$RATE" "$CALLS"
  after=$(cpu_ticks "$5")
  # Server CPU per registration does not depend on what else runs on the machine: the fairest
  # comparison on shared cores.
  local hz; hz=$(getconf CLK_TCK)
  echo "$1: server cpu=$(( (after - before) * 1000 / hz ))ms for $CALLS registrations =" \
    "$(( (after - before) * 1000000 / hz / CALLS ))us each"
}
measure switchboard "$PORT" "$WORK/users-sb.csv" 15071 "${PIDS[0]}"

if [ -z "${SKIP_KAMAILIO:-}" ] && command -v kamailio >/dev/null; then
  users_file 2000 > "$WORK/users-kam.csv"
  kamailio -f "$ANCHORS/kamailio-registrar.cfg" -P "$WORK/kam.pid" -w "$WORK" -m 256 -M 32 >/dev/null 2>&1
  sleep 1
  PIDS+=("$(cat "$WORK/kam.pid")")
  measure kamailio 15060 "$WORK/users-kam.csv" 15072 "$(cat "$WORK/kam.pid")"
fi
echo "rate=$RATE calls=$CALLS warmup=$WARMUP_CALLS@$WARMUP_RATE/s users=$USERS db=$DB load=\"$(cut -d' ' -f1-3 /proc/loadavg)\" commit=$(git rev-parse --short HEAD) cpu=$(nproc)x$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
