#!/usr/bin/env bash
# REGISTER answer times under a rising rate: the real server (`switchboard run` from the built
# jar, extensions seeded from its configuration) and the Kamailio anchor
# (../shared/anchors/kamailio-registrar.cfg), the same SIPp ramp against each in the same run.
# Usage: bench/sipp/register-ramp.sh [sqlite|postgresql] [RATES] [USERS] [STEP_SECONDS]
#   RATES: space-separated REGISTER/s steps (default "1000 2000 3000 4000 5000 6000 7000 8000")
#   USERS: distinct extensions (default 1000); STEP_SECONDS per step (default 10)
# SB_JAVA_OPTS replaces the launcher's JVM options (default: those ./switchboard uses);
# SB_NO_BUILD=1 uses the built jar; SKIP_KAMAILIO=1 measures Switchboard only.
# Each step prints, per server: REGISTERs completed and failed, retransmissions, and the answer
# time percentiles of the authenticated REGISTER (sent -> 200 OK, retransmissions included, from
# SIPp's -trace_rtt) and of the first one (sent -> 401). A retransmission means an answer took
# longer than SIPp's 500 ms timer.
set -euo pipefail
DB=${1:-sqlite}
RATES=${2:-"1000 2000 3000 4000 5000 6000 7000 8000"}
USERS=${3:-1000}
STEP=${4:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/sb-ramp.XXXXXX)
source "$ROOT/bench/sipp/lib.sh"
# The launcher's JVM options unless SB_JAVA_OPTS says otherwise, so the figure is the one a user of
# ./switchboard gets (SB_JAVA_OPTS="-XX:+UseG1GC" measures the JVM's default collector).
SB_JAVA_OPTS=${SB_JAVA_OPTS-$(sed -n 's/^default_jvm_options="\(.*\)"$/\1/p' "$ROOT/switchboard")}

# One ramp step: RATE REGISTERs/s for STEP seconds against port $2; prints one summary line.
step() { # $1 = label, $2 = server port, $3 = rate, $4 = users file, $5 = SIPp port
  local dir="$WORK/$1-$3"
  mkdir -p "$dir"
  (cd "$dir" && sipp "127.0.0.1:$2" -sf "$BENCH/register-rtd.xml" -inf "$4" -i 127.0.0.1 -p "$5" \
    -r "$3" -m $(($3 * STEP)) -timeout $((STEP + 60))s -buff_size 4194304 -nostdin \
    -trace_stat -stf "$dir/stat.csv" -trace_rtt -rtt_freq 1000 >/dev/null 2>&1) || true
  python3 - "$dir" "$1" "$3" <<'PY'
import csv, glob, sys
d, label, rate = sys.argv[1:]
rows = list(csv.reader(open(d + '/stat.csv'), delimiter=';'))
head, last = rows[0], rows[-1]
col = lambda n: last[head.index(n)]
times = {'1': [], '2': []}
for f in glob.glob(d + '/*_rtt.csv'):
    for line in open(f):
        parts = line.strip().split(';')
        if len(parts) < 3 or not parts[0][:1].isdigit():
            continue
        times.setdefault(parts[2].replace('rtd', ''), []).append(float(parts[1]))
def pct(xs, p):
    if not xs: return float('nan')
    xs = sorted(xs); return xs[min(len(xs) - 1, int(p / 100 * len(xs)))]
def show(xs):
    return ' '.join(f"p{p}={pct(xs, p):.2f}" for p in (50, 99, 99.9)) + f" max={max(xs) if xs else float('nan'):.1f}ms"
print(f"{label} {rate}/s: ok={col('SuccessfulCall(C)')} failed={col('FailedCall(C)')} "
      f"retransmissions={col('Retransmissions(C)')} | 200 OK: {show(times['2'])} | 401: {show(times['1'])}")
PY
}

ramp() { # $1 = label, $2 = server port, $3 = server process
  local port cpu0
  port=$(free_port)
  # Every user bound once first, at a gentle rate: the ramp then measures phones refreshing.
  step "$1-bind" "$2" 500 "$WORK/users.csv" "$port" >/dev/null
  for rate in $RATES; do
    cpu0=$(cpu_seconds "$3")
    step "$1" "$2" "$rate" "$WORK/users.csv" "$port"
    awk -v c0="$cpu0" -v c1="$(cpu_seconds "$3")" -v n=$((rate * STEP)) -v l="$1" -v r="$rate" \
      'BEGIN { printf "%s %d/s: server cpu %.0f us per REGISTER\n", l, r, 1e6 * (c1 - c0) / n }'
  done
}

cd "$ROOT"
register_users 2000 "$USERS" > "$WORK/users.csv"
seq 2000 $((2000 + USERS - 1)) > "$WORK/extensions.txt"
build_switchboard
start_switchboard "$DB" "$WORK/extensions.txt" 20000 20999
echo "switchboard JVM options: ${SB_JAVA_OPTS:-(none)}"
ramp switchboard "$SB_PORT" "$SB_PID"
kill "$SB_PID" 2>/dev/null || true; wait "$SB_PID" 2>/dev/null || true
if [ -z "${SKIP_KAMAILIO:-}" ] && command -v kamailio >/dev/null; then
  start_kamailio "$ANCHORS/kamailio-registrar.cfg"
  ramp kamailio "$KAM_PORT" "$KAM_PID"
fi
echo "db=$DB users=$USERS step=${STEP}s load=\"$(load_average)\" commit=$(git rev-parse --short HEAD) cpu=$(machine) (files in $WORK)"
