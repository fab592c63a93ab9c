#!/usr/bin/env bash
# Concurrent relayed G.711 calls: CALLS calls set up through Switchboard's B2BUA (digest auth, SIPp
# caller and registered SIPp callee), then 20 ms RTP both ways on every call through Switchboard's
# relay for SECONDS (default 30) with the anchors' rtpload; the same through rtpengine
# (../shared/anchors, userspace, calls made by rtpe_calls.py) in the same run.
# Usage: bench/sipp/relay.sh CALLS [SECONDS] [sqlite|postgresql]
#   (from the worktree root; JAVA_HOME must be JDK 25)
# PROBES=N extra calls (default 5) carry rtpdelay.py's timestamped packets: the relay's added delay.
# SETUP_RATE=N calls set up per second (default 100); LOADERS=N rtpload processes sharing the
# streams (default 2). SKIP_RTPENGINE=1 or SKIP_SWITCHBOARD=1 measures one side only;
# SB_NO_BUILD=1 uses the built jar (SB_JAR names another); SB_JAVA_OPTS replaces the JVM options
# (default: a 1 GiB heap committed and touched at start, so the RSS delta is memory off the heap).
# Prints per relay: rtpload's streams, sent, received and loss; the relay's CPU time per packet; the
# probe's delay p50/p99/max; memory per active call (Switchboard: heap used after a full GC, and
# RSS for what lives off the heap, before and with the calls up; rtpengine: RSS).
set -euo pipefail
CALLS=${1:?usage: relay.sh CALLS [SECONDS] [sqlite|postgresql]}
SECS=${2:-30}
DB=${3:-sqlite}
PROBES=${PROBES:-5}
SETUP_RATE=${SETUP_RATE:-100}
LOADERS=${LOADERS:-2}
TOTAL=$((CALLS + PROBES))
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/sb-relay.XXXXXX)
source "$ROOT/bench/sipp/lib.sh"
SB_JAVA_OPTS=${SB_JAVA_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch}
cc -O2 -o "$WORK/rtpload" "$ANCHORS/rtpload.c"

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
heap_kib() { # heap used after a full collection, in KiB
  "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9
}
per_call() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.1f KiB", (b - a) / n }'; }

# Loads streams $1 with LOADERS rtpload processes and probe pairs $2 (rtpdelay) for SECS; prints
# both results under $3, with how much of the nominal packet rate rtpload managed to offer and the
# relay's (process $4, RTP ports $5..$6) CPU time per relayed packet and receive-buffer drops.
measure() { # $1 = streams file, $2 = probe pairs file, $3 = label, $4 = relay process, $5 $6 = its port range
  local cpu0 drops0 relay_drops0
  cpu0=$(cpu_seconds "$4"); drops0=$(udp_drops); relay_drops0=$(port_drops "$5" "$6")
  RTPDELAY_TRACE="$WORK/$3-delay-trace.txt" python3 "$BENCH/rtpdelay.py" "$SECS" < "$2" > "$WORK/$3-delay.txt" &
  local probe=$! loaders=() part
  rm -f "$WORK/$3-part."*
  split -n "l/$LOADERS" -d "$1" "$WORK/$3-part."
  for part in "$WORK/$3-part."*; do "$WORK/rtpload" "$SECS" < "$part" > "$part.out" & loaders+=($!); done
  wait "${loaders[@]}" "$probe"
  # rtpload sends its 20 ms bursts late when it cannot keep up, so its offered rate is part of the result.
  cat "$WORK/$3-part."*.out | awk -v secs="$SECS" -v label="$3" -v cpu="$(awk -v a="$cpu0" -v b="$(cpu_seconds "$4")" 'BEGIN { print b - a }')" '
    { n += $2; sent += $4; got += $6 }
    END { printf "%s: rtpload streams %d sent %d received %d loss %.3f%% offered %.0f packets/s of the nominal %d (%.0f%%)\n",
          label, n, sent, got, sent ? 100 * (sent - got) / sent : 0, sent / secs, n * 50, n ? 100 * sent / secs / (n * 50) : 0
          printf "%s: relay CPU %.2f s over the run, %.1f us per packet received\n", label, cpu, got ? 1e6 * cpu / got : 0 }'
  echo "$3: probe $(cat "$WORK/$3-delay.txt")"
  echo "$3: UDP datagrams dropped on full receive buffers during the load: $(($(udp_drops) - drops0)) machine-wide," \
    "$(($(port_drops "$5" "$6") - relay_drops0)) at the relay's sockets"
}

cd "$ROOT"
if [ -z "${SKIP_SWITCHBOARD:-}" ]; then
  build_switchboard
  # One callee (see calls.sh: SIPp's digest URI); each call has its own caller, which the callee
  # sees in From, so the two sides of a call can be joined.
  { seq 100000 $((100000 + TOTAL - 1)); echo 200000; } > "$WORK/extensions.txt"
  start_switchboard "$DB" "$WORK/extensions.txt" 20000 29999
  { echo SEQUENTIAL; for ((i = 0; i < TOTAL; i++)); do
      echo "$((100000 + i));200000;$DOMAIN;[authentication username=$((100000 + i)) password=secret123];$((40000 + 2 * i))"
    done; } > "$WORK/callers.csv"
  { echo SEQUENTIAL; for ((i = 0; i < TOTAL; i++)); do echo "$((50000 + 2 * i))"; done; } > "$WORK/answers.csv"
  register_users 200000 1 > "$WORK/callees.csv"
  uas_port=$(free_port); uac_port=$(free_port)
  register_from "$SB_PORT" "$uas_port" "$WORK/callees.csv"
  heap0=$(heap_kib "$SB_PID"); rss0=$(rss_kib "$SB_PID")
  (cd "$WORK" && exec sipp -sf "$BENCH/uas-answer.xml" -inf "$WORK/answers.csv" -i 127.0.0.1 -p "$uas_port" \
    -mp "$(free_port next)" -buff_size 4194304 -nostdin -trace_logs -log_file "$WORK/uas.log" -trace_err -error_file "$WORK/uas-errors.log" \
    >/dev/null 2>&1) &
  PIDS+=($!)
  hold_ms=$(((TOTAL / SETUP_RATE + SECS + 60) * 1000))
  (cd "$WORK" && exec sipp "127.0.0.1:$SB_PORT" -sf "$BENCH/uac-auth-call.xml" -inf "$WORK/callers.csv" -i 127.0.0.1 \
    -p "$uac_port" -mp "$(free_port next)" -auth_uri "200000@$DOMAIN" -r "$SETUP_RATE" -m "$TOTAL" -d "$hold_ms" -recv_timeout 10000 -buff_size 4194304 -nostdin \
    -trace_stat -stf "$WORK/uac.csv" -trace_logs -log_file "$WORK/uac.log" -trace_err -error_file "$WORK/uac-errors.log" \
    >/dev/null 2>&1) &
  PIDS+=($!)
  # Wait until every call is answered (or the setup has had twice its time); go on with what is up.
  deadline=$((SECONDS + 2 * TOTAL / SETUP_RATE + 30))
  until [ "$(cat "$WORK/uac.log" 2>/dev/null | wc -l)" -ge "$TOTAL" ] || [ $SECONDS -ge $deadline ]; do sleep 1; done
  sleep 2 # the last ACKs
  up=$(wc -l < "$WORK/uac.log" 2>/dev/null || echo 0)
  if [ "$up" -eq 0 ]; then
    echo "switchboard: no call was answered; first SIPp errors:" >&2
    head -n 12 "$WORK/uac-errors.log" >&2 2>/dev/null || true
    exit 1
  fi
  heap1=$(heap_kib "$SB_PID"); rss1=$(rss_kib "$SB_PID")
  # Join caller and callee sides on the caller number: "caller_port relay_port_A" then
  # "callee_port relay_port_B" per call; the first CALLS calls load, the rest are probes.
  python3 - "$WORK/uac.log" "$WORK/uas.log" "$CALLS" "$WORK/sb-streams.txt" "$WORK/sb-probes.txt" <<'PY'
import sys
uac = dict(l.split(None, 1) for l in open(sys.argv[1]) if l.strip())
uas = dict(l.split(None, 1) for l in open(sys.argv[2]) if l.strip())
calls = [(uac[c].split(), uas[c].split()) for c in sorted(uac, key=int) if c in uas]
n = int(sys.argv[3])
for path, part in ((sys.argv[4], calls[:n]), (sys.argv[5], calls[n:])):
    with open(path, "w") as f:
        for a, b in part:
            f.write(f"{a[0]} {a[1]}\n{b[0]} {b[1]}\n")
PY
  echo "switchboard: calls answered $up of $TOTAL (load streams $(($(wc -l < "$WORK/sb-streams.txt") / 2)) calls, probes $(($(wc -l < "$WORK/sb-probes.txt") / 2)))"
  measure "$WORK/sb-streams.txt" "$WORK/sb-probes.txt" switchboard "$SB_PID" 20000 29999
  echo "switchboard: memory per active call: heap $(per_call "$heap0" "$heap1" "$up") ($heap0 -> $heap1 KiB after full GC)," \
    "RSS $(per_call "$rss0" "$rss1" "$up") ($rss0 -> $rss1 KiB)"
  echo "switchboard: load after run \"$(load_average)\" (log $WORK/server.log, SIPp errors $WORK/u*-errors.log)"
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  PIDS=()
fi
if [ -z "${SKIP_RTPENGINE:-}" ]; then
  rtpengine --interface=127.0.0.1 --listen-ng=127.0.0.1:16222 --port-min=30000 --port-max=39999 --table=-1 \
    --num-threads=2 --foreground > "$WORK/rtpengine.log" 2>&1 &
  RTPE=$!; PIDS+=("$RTPE")
  sleep 2
  rss0=$(rss_kib "$RTPE")
  python3 "$ANCHORS/rtpe_calls.py" "$TOTAL" > "$WORK/rtpe-all.txt"
  rss1=$(rss_kib "$RTPE")
  head -n $((2 * CALLS)) "$WORK/rtpe-all.txt" > "$WORK/rtpe-streams.txt"
  tail -n +$((2 * CALLS + 1)) "$WORK/rtpe-all.txt" > "$WORK/rtpe-probes.txt"
  measure "$WORK/rtpe-streams.txt" "$WORK/rtpe-probes.txt" rtpengine "$RTPE" 30000 39999
  echo "rtpengine: memory per active call: RSS $(per_call "$rss0" "$rss1" "$TOTAL") ($rss0 -> $rss1 KiB)"
  echo "rtpengine: load after run \"$(load_average)\""
  python3 "$ANCHORS/rtpe_calls.py" delete "$TOTAL" || true
fi
echo "calls=$CALLS probes=$PROBES seconds=$SECS db=$DB load=\"$(load_average)\" commit=$(git rev-parse --short HEAD) cpu=$(machine)"
