#!/usr/bin/env bash
# Authenticated REGISTER/s: SIPp against Switchboard's registrar (SQLite or PostgreSQL, bindings
# written through and refreshed behind) and against the Kamailio anchor (../shared/anchors), same
# machine, same run.
# Usage: bench/sipp/register.sh [RATE] [USERS] [sqlite|postgresql]
#   (from the worktree root; JAVA_HOME must be JDK 25; postgresql needs the server at 127.0.0.1:5432)
# SB_JFR=/tmp/reg.jfr records a Java Flight Recording of Switchboard's measured run (not of its
# start-up or warm-up) into that file, sampling Java stacks every 2 ms.
# SKIP_KAMAILIO=1 measures Switchboard only; SB_JAVA_OPTS adds JVM options to Switchboard's.
# Each server first gets the same warm-up pass (WARMUP_CALLS REGISTERs, default 6000, at
# WARMUP_RATE/s, default 1000; WARMUP_CALLS=0 skips it): it binds every user once, so the measured
# run is the steady state of phones refreshing, and Switchboard's JIT has compiled the hot path
# (Kamailio is native and needs no warm-up; a cold JVM hit at full rate measures the compiler).
# Prints, for each server, SIPp's successful/failed registrations, retransmissions and the achieved
# rate of the warm-up and of the measured run, the server's CPU time per registration (all its
# threads or processes; for Switchboard also per thread group) and receive-buffer drops.
set -euo pipefail
RATE=${1:-2000}
USERS=${2:-200}
DB=${3:-sqlite}
CALLS=$((RATE * 10))
WARMUP_CALLS=${WARMUP_CALLS:-6000}
WARMUP_RATE=${WARMUP_RATE:-1000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/sb-register.XXXXXX)
source "$ROOT/bench/sipp/lib.sh"

# One SIPp run of the anchors' REGISTER scenario (4 MiB socket buffer: the load tool must not be
# what drops); prints SIPp's counts labelled $1.
run_sipp() { # $1 = label, $2 = server port, $3 = users file, $4 = SIPp's own port, $5 = rate, $6 = calls
  (cd "$WORK" && sipp "127.0.0.1:$2" -sf "$ANCHORS/sipp-register-auth.xml" -inf "$3" -i 127.0.0.1 \
    -p "$4" -r "$5" -m "$6" -timeout 120s -buff_size 4194304 -nostdin -trace_stat -fd 1 -stf "$WORK/$1.csv" \
    >/dev/null 2>&1) || true
  python3 - "$WORK/$1.csv" "$1" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1]), delimiter=';'))
head, last = rows[0], rows[-1]
col = lambda n: last[head.index(n)]
h, m, s = col('ElapsedTime(C)').split(':'); secs = int(h) * 3600 + int(m) * 60 + float(s)
ok = int(col('SuccessfulCall(C)')); failed = int(col('FailedCall(C)'))
print(f"{sys.argv[2]}: successful={ok} failed={failed} retransmissions={col('Retransmissions(C)')} "
      f"elapsed={secs:.1f}s achieved={ok / secs:.0f}/s")
PY
}

# Warm-up, then the measured run against the server on port $2 (process $4), with its CPU time.
measure() { # $1 = label, $2 = server port, $3 = users file, $4 = server process
  local sipp_port cpu0 drops0 server_drops0
  sipp_port=$(free_port)
  [ "$WARMUP_CALLS" -gt 0 ] && run_sipp "$1-warmup" "$2" "$3" "$sipp_port" "$WARMUP_RATE" "$WARMUP_CALLS"
  [ "$1" = switchboard ] && [ -n "${SB_JFR:-}" ] && jcmd "$4" JFR.start name=measured \
    settings=profile jdk.ExecutionSample#period=2ms >/dev/null
  cpu0=$(cpu_seconds "$4"); drops0=$(udp_drops); server_drops0=$(port_drops "$2")
  [ "$1" = switchboard ] && thread_ticks "$4" > "$WORK/threads0.txt"
  run_sipp "$1" "$2" "$3" "$sipp_port" "$RATE" "$CALLS"
  local cpu
  cpu=$(awk -v a="$cpu0" -v b="$(cpu_seconds "$4")" 'BEGIN { printf "%.2f", b - a }')
  [ "$1" = switchboard ] && [ -n "${SB_JFR:-}" ] && jcmd "$4" JFR.stop name=measured filename="$SB_JFR" >/dev/null
  # Server CPU per registration is the figure the machine's other load bends least.
  awk -v c="$cpu" -v n="$CALLS" -v l="$1" \
    'BEGIN { printf "%s: server cpu=%.2fs for %d registrations = %.0fus each\n", l, c, n, 1e6 * c / n }'
  echo "$1: UDP datagrams dropped on full receive buffers: $(($(udp_drops) - drops0)) machine-wide," \
    "$(($(port_drops "$2") - server_drops0)) at the server's port"
  [ "$1" = switchboard ] && thread_cpu "$4" "$WORK/threads0.txt" "$CALLS" "registration"
  return 0
}

cd "$ROOT"
./mvnw -o -q -Dsb.build.dir="$BUILD" -pl pbx -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/pbx/$BUILD/test-classes:$ROOT/pbx/$BUILD/classes:$(cat "$WORK/cp.txt")"

register_users 2000 "$USERS" > "$WORK/users.csv"
"$JAVA_HOME/bin/java" ${SB_JAVA_OPTS:-} -cp "$CP" org.switchboard.pbx.registrar.RegisterBenchServer "$USERS" "$DB" \
  > "$WORK/server.log" 2>&1 &
SB_PID=$!
PIDS+=("$SB_PID")
until grep -qs '^PORT ' "$WORK/server.log"; do
  kill -0 "$SB_PID" 2>/dev/null || { echo "switchboard did not start:" >&2; tail -n 20 "$WORK/server.log" >&2; exit 1; }
  sleep 1
done
measure switchboard "$(awk '/^PORT /{print $2}' "$WORK/server.log")" "$WORK/users.csv" "$SB_PID"

if [ -z "${SKIP_KAMAILIO:-}" ] && command -v kamailio >/dev/null; then
  start_kamailio "$ANCHORS/kamailio-registrar.cfg"
  measure kamailio "$KAM_PORT" "$WORK/users.csv" "$KAM_PID"
fi
echo "rate=$RATE calls=$CALLS warmup=$WARMUP_CALLS@$WARMUP_RATE/s users=$USERS db=$DB load=\"$(load_average)\" commit=$(git rev-parse --short HEAD) cpu=$(machine)"
