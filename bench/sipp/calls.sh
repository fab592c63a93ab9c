#!/usr/bin/env bash
# Call setups/s with digest auth through Switchboard's B2BUA and through the Kamailio anchor
# (../shared/anchors/kamailio-pbx-auth.cfg), same scenarios, same rate, same run.
# Usage: bench/sipp/calls.sh RATE [DURATION] [sqlite|postgresql]
#   (from the worktree root; JAVA_HOME must be JDK 25; postgresql needs the server at 127.0.0.1:5432)
# Callee 3000 registers from a SIPp UAS's port, then that UAS answers (180, 200), and a SIPp UAC
# calls it as callers 2000.. (INVITE, 407, INVITE with credentials, 200, ACK, CALL_PAUSE_MS, BYE),
# RATE new calls per second for DURATION seconds (default 20). One callee because SIPp computes
# every call's digest over one URI (-auth_uri), and a server may insist it is the Request-URI.
# USERS=N callers (default 200); CALL_PAUSE_MS=answer-to-BYE (default 1000);
# WARMUP_CALLS=N unmeasured calls at up to 400/s before Switchboard's run (default 12000: with
# fewer, the JIT compiler threads still take a third of the CPU in the measured run);
# SKIP_KAMAILIO=1 or SKIP_SWITCHBOARD=1 measures one side only; SB_NO_BUILD=1 uses the built jar
# (SB_JAR names another);
# SB_JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=filename=/tmp/calls.jfr).
# Prints each server's successful and failed calls, failed %, retransmissions, mean setup time,
# achieved rate (successful calls / (elapsed - CALL_PAUSE_MS)), CPU time per call (all its
# threads or processes; for Switchboard also per thread group) and receive-buffer drops, then the
# ratios.
set -euo pipefail
RATE=${1:?usage: calls.sh RATE [DURATION] [sqlite|postgresql]}
DURATION=${2:-20}
DB=${3:-sqlite}
USERS=${USERS:-200}
CALL_PAUSE_MS=${CALL_PAUSE_MS:-1000}
WARMUP_CALLS=${WARMUP_CALLS:-12000}
CALLS=$((RATE * DURATION))
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/sb-calls.XXXXXX)
source "$ROOT/bench/sipp/lib.sh"

{ echo SEQUENTIAL; for ((i = 0; i < USERS; i++)); do
    echo "$((2000 + i));3000;$DOMAIN;[authentication username=$((2000 + i)) password=secret123];40000"; done; } > "$WORK/callers.csv"
register_users 3000 1 > "$WORK/callees.csv"
# No RTP flows here: every answer may name the same port.
printf 'SEQUENTIAL\n50000\n' > "$WORK/answers.csv"

# One measured run against the server on port $2 (process $5): registers the callee, starts the UAS,
# runs the UAC (both SIPps with 4 MiB socket buffers: the load tools must not be what drops) for $3 calls at $4/s and prints the summary labelled $1 (unless $1 is empty) with the
# server's CPU time during the calls.
run_calls() { # $1 = label, $2 = server port, $3 = calls, $4 = rate, $5 = server process
  local uas_port uac_port uas_pid cpu0 drops0 server_drops0 name=${1:-warmup}
  uas_port=$(free_port); uac_port=$(free_port)
  register_from "$2" "$uas_port" "$WORK/callees.csv"
  (cd "$WORK" && exec sipp -sf "$BENCH/uas-answer.xml" -inf "$WORK/answers.csv" -i 127.0.0.1 -p "$uas_port" \
    -mp "$(free_port next)" -buff_size 4194304 -nostdin -trace_err -error_file "$WORK/$name-uas-errors.log" >/dev/null 2>&1) &
  uas_pid=$!; PIDS+=("$uas_pid")
  cpu0=$(cpu_seconds "$5"); drops0=$(udp_drops); server_drops0=$(port_drops "$2")
  thread_ticks "$5" > "$WORK/$name-threads0.txt"
  (cd "$WORK" && sipp "127.0.0.1:$2" -sf "$BENCH/uac-auth-call.xml" -inf "$WORK/callers.csv" -i 127.0.0.1 \
    -p "$uac_port" -mp "$(free_port next)" -auth_uri "3000@$DOMAIN" -r "$4" -m "$3" -d "$CALL_PAUSE_MS" -recv_timeout 10000 -timeout $(($3 / $4 + 90))s -buff_size 4194304 \
    -nostdin -trace_stat -fd 1 -stf "$WORK/$name.csv" -trace_err -error_file "$WORK/$name-uac-errors.log" \
    >/dev/null 2>&1) || true
  local cpu drops server_drops callee_drops
  cpu=$(awk -v a="$cpu0" -v b="$(cpu_seconds "$5")" 'BEGIN { printf "%.2f", b - a }')
  drops=$(($(udp_drops) - drops0)); server_drops=$(($(port_drops "$2") - server_drops0))
  callee_drops=$(port_drops "$uas_port")
  kill "$uas_pid" 2>/dev/null || true
  wait "$uas_pid" 2>/dev/null || true
  if [ -n "$1" ]; then
    summary "$WORK/$name.csv" "$1" "$cpu"
    echo "$1: UDP datagrams dropped on full receive buffers during the run: $drops machine-wide," \
      "$server_drops at the server's SIP port, $callee_drops at the callee SIPp's"
    [ "$1" = switchboard ] && thread_cpu "$5" "$WORK/$name-threads0.txt" "$3" call
  fi
  return 0
}

# Prints the run's figures; records the achieved rate in $WORK/$2.rate and CPU ms per call in $WORK/$2.cpu.
summary() { # $1 = stats csv, $2 = label, $3 = server CPU seconds during the run
  python3 - "$1" "$2" "$CALL_PAUSE_MS" "$WORK/$2" "$3" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1]), delimiter=';'))
head, last = rows[0], rows[-1]
col = lambda n: last[head.index(n)]
epoch = lambda n: float(col(n).split('\t')[-1])
elapsed = epoch('CurrentTime') - epoch('StartTime')
ok, failed = int(col('SuccessfulCall(C)')), int(col('FailedCall(C)'))
pct = 100.0 * failed / (ok + failed) if ok + failed else 0.0
rate = ok / max(elapsed - int(sys.argv[3]) / 1000, 1e-3)
h, m, s, us = col('ResponseTime1(C)').split(':')  # SIPp writes HH:MM:SS:microseconds
setup_ms = ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(us) / 1000
cpu_ms = 1000 * float(sys.argv[5]) / ok if ok else 0.0
open(sys.argv[4] + '.rate', 'w').write(f"{rate:.0f}\n")
open(sys.argv[4] + '.cpu', 'w').write(f"{cpu_ms:.3f}\n")
print(f"{sys.argv[2]}: successful={ok} failed={failed} failed%={pct:.2f} retransmissions={col('Retransmissions(C)')} "
      f"setup_mean={setup_ms:.1f}ms elapsed={elapsed:.1f}s achieved={rate:.0f}/s "
      f"server_cpu={sys.argv[5]}s ({cpu_ms:.3f} ms per successful call)")
PY
}

cd "$ROOT"
if [ -z "${SKIP_SWITCHBOARD:-}" ]; then
  build_switchboard
  { seq 2000 $((2000 + USERS - 1)); echo 3000; } > "$WORK/extensions.txt"
  start_switchboard "$DB" "$WORK/extensions.txt" 20000 39999
  [ "$WARMUP_CALLS" -gt 0 ] && run_calls "" "$SB_PORT" "$WARMUP_CALLS" $((RATE < 400 ? RATE : 400)) "$SB_PID"
  run_calls switchboard "$SB_PORT" "$CALLS" "$RATE" "$SB_PID"
  echo "switchboard: load after run \"$(load_average)\" (log $WORK/server.log, SIPp errors $WORK/switchboard-u*-errors.log)"
  kill "$SB_PID" 2>/dev/null || true; wait "$SB_PID" 2>/dev/null || true
fi
if [ -z "${SKIP_KAMAILIO:-}" ]; then
  start_kamailio "$ANCHORS/kamailio-pbx-auth.cfg"
  run_calls kamailio "$KAM_PORT" "$CALLS" "$RATE" "$KAM_PID"
  echo "kamailio: load after run \"$(load_average)\""
fi
if [ -f "$WORK/switchboard.rate" ] && [ -f "$WORK/kamailio.rate" ]; then
  awk -v s="$(cat "$WORK/switchboard.rate")" -v k="$(cat "$WORK/kamailio.rate")" \
    'BEGIN { printf "ratio switchboard/kamailio = %.2f\n", k ? s / k : 0 }'
  awk -v s="$(cat "$WORK/switchboard.cpu")" -v k="$(cat "$WORK/kamailio.cpu")" \
    'BEGIN { printf "CPU per call ratio kamailio/switchboard = %.2f\n", s ? k / s : 0 }'
fi
echo "rate=$RATE duration=${DURATION}s calls=$CALLS users=$USERS pause=${CALL_PAUSE_MS}ms db=$DB load=\"$(load_average)\" commit=$(git rev-parse --short HEAD) cpu=$(machine)"
