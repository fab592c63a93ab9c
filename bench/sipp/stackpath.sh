#!/usr/bin/env bash
# The SIP stack's own cost per authenticated REGISTER: SIPp's anchor scenario against
# StackPathServer (sip test sources), which challenges and accepts without checking the digest or
# writing a database, so what is measured is transport, parser, transaction layer and executors.
# Usage: bench/sipp/stackpath.sh [RATE] [CALLS]   (from the worktree root; JAVA_HOME = JDK 25)
# Prints SIPp's result and the server's CPU per registration, in total and per thread kind
# (from /proc/<pid>/task/*/stat over the measured run; a warm-up run of WARMUP_CALLS, default
# five seconds, at the same rate comes first).
# SB_JFR=/path.jfr records a Flight Recording.
set -euo pipefail
RATE=${1:-4000}
CALLS=${2:-$((RATE * 10))}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ANCHORS=${ANCHORS:-$ROOT/../shared/anchors}
[ -d "$ANCHORS" ] || ANCHORS=/work/shared/anchors
BUILD=${SB_BUILD_DIR:-target-bench}
WORK=$(mktemp -d)
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$ROOT"
./mvnw -o -q -Dsb.build.dir="$BUILD" -pl sip -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/sip/$BUILD/test-classes:$ROOT/sip/$BUILD/classes:$(cat "$WORK/cp.txt")"

{ echo SEQUENTIAL; for ((i = 0; i < 2000; i++)); do
    echo "$((2000 + i));127.0.0.1;[authentication username=$((2000 + i)) password=secret123]"; done; } > "$WORK/users.csv"
JFR_OPTS=()
[ -n "${SB_JFR:-}" ] && JFR_OPTS=("-XX:StartFlightRecording=filename=$SB_JFR,dumponexit=true")
"$JAVA_HOME/bin/java" "${JFR_OPTS[@]}" -cp "$CP" org.switchboard.sip.app.StackPathServer > "$WORK/server.log" 2>&1 &
SERVER=$!
until grep -q '^PORT ' "$WORK/server.log"; do sleep 0.2; done
PORT=$(awk '/^PORT /{print $2}' "$WORK/server.log")

run_sipp() { # $1 = label, $2 = calls
  (cd "$WORK" && sipp "127.0.0.1:$PORT" -sf "$ANCHORS/sipp-register-auth.xml" -inf "$WORK/users.csv" -i 127.0.0.1 \
    -p 0 -r "$RATE" -m "$2" -timeout 120s -nostdin -trace_stat -fd 1 -stf "$WORK/$1.csv" >/dev/null 2>&1) || true
  python3 - "$WORK/$1.csv" "$1" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1]), delimiter=';'))
head, last = rows[0], rows[-1]
col = lambda n: last[head.index(n)]
h, m, s = col('ElapsedTime(C)').split(':'); secs = int(h) * 3600 + int(m) * 60 + float(s)
ok = int(col('SuccessfulCall(C)'))
print(f"{sys.argv[2]}: successful={ok} failed={col('FailedCall(C)')} retransmissions={col('Retransmissions(C)')} "
      f"elapsed={secs:.1f}s achieved={ok / secs:.0f}/s")
PY
}
thread_ticks() { # tid, name, user ticks, system ticks of each of the server's threads
  python3 - "$SERVER" <<'PY'
import os, sys
base = f"/proc/{sys.argv[1]}/task"
for tid in os.listdir(base):
    try:
        s = open(f"{base}/{tid}/stat").read()
    except OSError:
        continue
    f = s[s.rindex(")") + 2:].split()
    switches = [l.split()[1] for l in open(f"{base}/{tid}/status") if l.startswith("voluntary_ctxt_switches")]
    print(tid, s[s.index("(") + 1:s.rindex(")")], f[11], f[12], switches[0], sep="\t")
PY
}

udp_drops() { # datagrams the kernel dropped for a full receive buffer, all sockets of the machine
  awk '/^Udp:/ { if (!n) { for (i = 1; i <= NF; i++) if ($i == "RcvbufErrors") c = i; n = 1 } else print $c }' /proc/net/snmp
}

run_sipp warmup "${WARMUP_CALLS:-$((RATE * 5))}"
thread_ticks > "$WORK/before"
drops=$(udp_drops)
run_sipp measured "$CALLS"
echo "udp receive buffer drops during the run (whole machine): $(( $(udp_drops) - drops ))"
thread_ticks > "$WORK/after"
python3 - "$WORK/before" "$WORK/after" "$CALLS" <<'PY'
import collections, os, sys
hz = os.sysconf("SC_CLK_TCK")
def load(f):
    return {t: (n, int(u), int(s), int(w)) for t, n, u, s, w in (l.rstrip("\n").split("\t") for l in open(f))}
before, after, calls = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3])
kinds = collections.defaultdict(lambda: [0, 0, 0])
for tid, (name, u, s, w) in after.items():
    _, bu, bs, bw = before.get(tid, (name, 0, 0, 0))
    kind = name.rstrip("0123456789-#") or name
    kinds[kind][0] += u - bu
    kinds[kind][1] += s - bs
    kinds[kind][2] += w - bw
us = lambda ticks: ticks * 1e6 / hz / calls
total = sum(u + s for u, s, _ in kinds.values())
waits = sum(w for _, _, w in kinds.values())
# A voluntary context switch is a thread going to sleep for want of work: one per wake-up.
print(f"server cpu per registration: {us(total):.0f}us, wake-ups per registration: {waits / calls:.2f}")
for kind, (u, s, w) in sorted(kinds.items(), key=lambda k: -(k[1][0] + k[1][1])):
    if u + s:
        print(f"  {kind:20s} user={us(u):6.1f}us sys={us(s):6.1f}us wake-ups={w / calls:.2f}")
PY
echo "rate=$RATE calls=$CALLS load=\"$(cut -d' ' -f1-3 /proc/loadavg)\" commit=$(git rev-parse --short HEAD)"
