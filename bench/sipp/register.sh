#!/usr/bin/env bash
# Authenticated REGISTER/s: SIPp against Switchboard's registrar (SQLite, bindings written through
# and refreshed behind) and against the Kamailio anchor (../shared/anchors), same machine, same run.
# Usage: bench/sipp/register.sh [RATE] [USERS]   (from the worktree root; JAVA_HOME must be JDK 25)
# Prints, for each server, SIPp's successful/failed calls, retransmissions and the achieved rate.
set -euo pipefail
RATE=${1:-2000}
USERS=${2:-200}
CALLS=$((RATE * 10))
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

run_sipp() { # $1 = label, $2 = port, $3 = users file, $4 = SIPp's own port
  local stats="$WORK/$1"
  (cd "$WORK" && sipp "127.0.0.1:$2" -sf "$ANCHORS/sipp-register-auth.xml" -inf "$3" -i 127.0.0.1 \
    -p "$4" -r "$RATE" -m "$CALLS" -timeout 120s -nostdin -trace_stat -fd 1 -stf "$stats.csv" >/dev/null 2>&1) || true
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
"$JAVA_HOME/bin/java" -cp "$CP" org.switchboard.pbx.registrar.RegisterBenchServer "$USERS" > "$WORK/server.log" 2>&1 &
PIDS+=($!)
until grep -q '^PORT ' "$WORK/server.log"; do sleep 1; done
PORT=$(awk '/^PORT /{print $2}' "$WORK/server.log")
run_sipp switchboard "$PORT" "$WORK/users-sb.csv" 15071

if command -v kamailio >/dev/null; then
  users_file 2000 > "$WORK/users-kam.csv"
  kamailio -f "$ANCHORS/kamailio-registrar.cfg" -P "$WORK/kam.pid" -w "$WORK" -m 256 -M 32 >/dev/null 2>&1
  sleep 1
  PIDS+=("$(cat "$WORK/kam.pid")")
  run_sipp kamailio 15060 "$WORK/users-kam.csv" 15072
fi
echo "rate=$RATE calls=$CALLS users=$USERS commit=$(git rev-parse --short HEAD) cpu=$(nproc)x$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
