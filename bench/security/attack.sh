#!/usr/bin/env bash
# The black-box attacks of issue 13 against a Switchboard on 127.0.0.1 with the default security
# settings (loopback NOT trusted), each from its own loopback address so one ban does not hide the
# next attack: svcrack (127.0.0.1), svwar (127.0.0.3), a SIPp REGISTER flood (127.0.0.2), invented
# HTTP methods against /metrics, a TCP connection flood (127.0.0.10-69). Prints one figure a line:
#   guesses before the ban, whether svcrack found the password, what svwar learned,
#   REGISTERs answered of a flood, /metrics size before/after 10,000 invented-method requests,
#   accepted connections, server file handles and HTTP health under a TCP connection flood.
# Usage: bench/security/attack.sh   (from the worktree root; JAVA_HOME JDK 25; needs svcrack, svwar, sipp)
# SB_NO_BUILD=1 reuses the jar in server/target-bench.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/sb-attack.XXXXXX)
source "$ROOT/bench/sipp/lib.sh"
HERE=$ROOT/bench/security
FLOOD=${FLOOD:-20000}
FLOOD_RATE=${FLOOD_RATE:-2000}
CONNECTIONS=${CONNECTIONS:-15000}
SVCRACK=$(command -v svcrack || command -v sipvicious_svcrack)
SVWAR=$(command -v svwar || command -v sipvicious_svwar)

build_switchboard
echo 1001 > "$WORK/extensions"
# The defaults, written out so the run says what it measured; loopback is not trusted.
export SB_SIP_SECURITY='{trusted_networks: "", rate_limit_requests: 400, rate_limit_window: 2s, max_connections_per_source: 200, max_connections: 10000, file_handle_reserve: 1024, unregistered_idle_timeout: 30s, auth_backoff_after: 5, ban_after: 10}'
start_switchboard sqlite "$WORK/extensions" 40000 40999
HTTP_PORT=$(grep -o 'http=127.0.0.1:[0-9]*' "$WORK/server.log" | head -1 | cut -d: -f2)
echo "server pid=$SB_PID sip=127.0.0.1:$SB_PORT http=127.0.0.1:$HTTP_PORT open_file_limit=$(awk '/Max open files/ {print $4}' /proc/$SB_PID/limits)"

# 1. svcrack: 2,000 words, the 50th is 1001's password (lib.sh gives every extension secret123).
for i in $(seq 1 2000); do [ "$i" = 50 ] && echo secret123 || echo "guess$i"; done > "$WORK/words.txt"
start=$(date +%s.%N)
timeout 300 "$SVCRACK" -u 1001 -d "$WORK/words.txt" -p "$SB_PORT" -b 127.0.0.1 -P "$(free_port)" 127.0.0.1 \
  > "$WORK/svcrack.log" 2>&1 || true
end=$(date +%s.%N)
guesses=$(grep -c 'sip auth failed source=127.0.0.1 ' "$WORK/server.log" || true)
banned=$(grep -o 'sip source banned source=127.0.0.1 failures=[0-9]*' "$WORK/server.log" | head -1 | sed 's/.*failures=//')
found=$(grep -q 'secret123' "$WORK/svcrack.log" && echo yes || echo no)
echo "svcrack: guesses before the ban=${banned:-not banned} wrong guesses that reached the registrar=$guesses password found=$found run=$(printf '%.1f' "$(echo "$end - $start" | bc)")s"

# 2. svwar from another address: which extensions does it report?
timeout 120 "$SVWAR" -e1000-1100 -p "$SB_PORT" -b 127.0.0.3 -P "$(free_port)" 127.0.0.1 > "$WORK/svwar.log" 2>&1 || true
echo "svwar: extensions reported=$(grep -cE '^\| *[0-9]+ ' "$WORK/svwar.log" || true) ($(grep -E '^\| *[0-9]+ ' "$WORK/svwar.log" | tr -s ' ' | tr '\n' ';' | head -c 200))"

# 3. A REGISTER flood from 127.0.0.2.
(cd "$WORK" && sipp "127.0.0.1:$SB_PORT" -sf "$HERE/flood_register.xml" -s 1002 -i 127.0.0.2 -p "$(free_port)" \
  -r "$FLOOD_RATE" -m "$FLOOD" -timeout 120s -nostdin -trace_screen -screen_file "$WORK/flood.screen" >/dev/null 2>&1) || true
sent=$(grep -E 'REGISTER -+>' "$WORK/flood.screen" | tail -1 | awk '{print $3}')
answered=$(grep -E '401 <-+' "$WORK/flood.screen" | tail -1 | awk '{print $3}')
echo "register flood: sent=$sent at ${FLOOD_RATE}/s from one source, answered=$answered"

# 4. /metrics after 10,000 requests with invented HTTP methods (no token).
python3 - "$HTTP_PORT" <<'PY'
import http.client, sys
port = int(sys.argv[1])
def metrics_size():
    c = http.client.HTTPConnection("127.0.0.1", port); c.request("GET", "/metrics"); r = c.getresponse()
    body = r.read(); c.close(); return r.status, len(body)
before = metrics_size()
c = http.client.HTTPConnection("127.0.0.1", port)
statuses = {}
for i in range(10000):
    try:
        c.request("X%05dMETHOD" % i, "/api/health/%d" % i); r = c.getresponse(); r.read()
        statuses[r.status] = statuses.get(r.status, 0) + 1
    except (http.client.HTTPException, OSError):
        c.close(); c = http.client.HTTPConnection("127.0.0.1", port)
after = metrics_size()
print("metrics: status=%d size before=%d bytes after 10,000 invented methods=%d bytes (answers %s)"
      % (after[0], before[1], after[1], statuses))
PY

# 5. A TCP connection flood: CONNECTIONS connections from 60 loopback addresses, held open.
python3 - "$SB_PORT" "$HTTP_PORT" "$SB_PID" "$CONNECTIONS" <<'PY'
import os, resource, socket, sys, time, urllib.request
sip, http_port, pid, total = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
resource.setrlimit(resource.RLIMIT_NOFILE, (resource.getrlimit(resource.RLIMIT_NOFILE)[1],) * 2)
fds = lambda: len(os.listdir("/proc/%s/fd" % pid))
def health():
    try:
        return urllib.request.urlopen("http://127.0.0.1:%d/api/health" % http_port, timeout=5).status
    except Exception as e:
        return type(e).__name__
print("tcp flood: server file handles before=%d" % fds())
socks, failed = [], 0
for i in range(total):
    s = socket.socket(); s.setblocking(True)
    try:
        s.bind(("127.0.0.%d" % (10 + i % 60), 0)); s.connect(("127.0.0.1", sip)); socks.append(s)
    except OSError:
        failed += 1; s.close()
time.sleep(3)
alive = 0
for s in socks:
    s.setblocking(False)
    try:
        alive += 0 if s.recv(1, socket.MSG_PEEK) == b"" else 1
    except BlockingIOError:
        alive += 1
    except OSError:
        pass
print("tcp flood: attempted=%d connect_failed=%d held_open_by_server=%d server_file_handles=%d http_health=%s"
      % (total, failed, alive, fds(), health()))
time.sleep(65)
print("tcp flood: 60 s later (unregistered idle timeout 30 s: closed 30 to 60 s after their last message) server_file_handles=%d http_health=%s" % (fds(), health()))
for s in socks:
    s.close()
PY
curl -s "http://127.0.0.1:$HTTP_PORT/metrics" | grep -E '^switchboard_sip_(inbound_dropped|connections_refused|connections_closed_idle|bans|auth_failures|sources_blocked)' || true
