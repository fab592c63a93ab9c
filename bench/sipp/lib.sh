# Shared pieces of the SIPp benchmarks (sourced by register.sh, calls.sh and relay.sh, not run).
# Expects ROOT (the worktree root) and WORK (a temporary folder) to be set by the caller.

ANCHORS=${ANCHORS:-$ROOT/../shared/anchors}
[ -d "$ANCHORS" ] || ANCHORS=/work/shared/anchors
BENCH=$ROOT/bench/sipp
BUILD=${SB_BUILD_DIR:-target-bench}
SB_JAR=${SB_JAR:-$ROOT/server/$BUILD/switchboard.jar}
DOMAIN=pbx.test
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PIDS=()
PG_DB=""
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -n "$PG_DB" ] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1
  return 0
}
trap cleanup EXIT

# A port free on 127.0.0.1 for UDP and TCP alike, and (when $1 is set) its next port too.
free_port() {
  python3 - "${1:-}" <<'PY'
import socket, sys
def free(p):
    try:
        for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
            s = socket.socket(socket.AF_INET, kind); s.bind(("127.0.0.1", p)); s.close()
        return True
    except OSError:
        return False
while True:
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close()
    if free(p) and (not sys.argv[1] or free(p + 1)):
        print(p); break
PY
}

# SIPp injection file for the anchors' REGISTER scenario: users FIRST .. FIRST+COUNT-1.
register_users() { # $1 = first user, $2 = count
  echo SEQUENTIAL
  for ((i = 0; i < $2; i++)); do echo "$(($1 + i));$DOMAIN;[authentication username=$(($1 + i)) password=secret123]"; done
}

# Registers the users of injection file $3 at server port $1 from SIPp port $2 (the callee's port
# afterwards, so the bindings' contacts and source addresses both name it). Fails unless all do.
register_from() { # $1 = server port, $2 = SIPp port, $3 = injection file
  local n; n=$(($(wc -l < "$3") - 1))
  (cd "$WORK" && sipp "127.0.0.1:$1" -sf "$ANCHORS/sipp-register-auth.xml" -inf "$3" -i 127.0.0.1 \
    -p "$2" -r 200 -m "$n" -timeout 60s -nostdin -trace_stat -stf "$WORK/register-$2.csv" >/dev/null 2>&1) || {
    echo "registration of $n users from port $2 failed:" >&2; tail -n 3 "$WORK"/*_errors.log >&2 2>/dev/null; return 1; }
}

# Builds the server jar into $BUILD (offline, tests skipped) unless SB_NO_BUILD is set.
build_switchboard() {
  [ -n "${SB_NO_BUILD:-}" ] && return 0
  (cd "$ROOT" && ./mvnw -B -ntp -q -o -Dsb.build.dir="$BUILD" package -DskipTests -pl server -am) >/dev/null
}

# Starts `switchboard run` on a generated configuration: SIP on 127.0.0.1:$SB_PORT (domain pbx.test),
# HTTP on a free port, RTP ports $3..$4, database $1 (sqlite: a new file; postgresql: a new database
# on 127.0.0.1:5432, dropped on exit), extensions from file $2 (one number a line, password secret123). Waits for
# the start-up line; sets SB_PORT and SB_PID. The load comes from one SIPp on 127.0.0.1, far above
# the per-source rate and connection limits a phone needs, so loopback is a trusted network here
# (docs/security.md); SB_SIP_SECURITY replaces that section (bench/security/attack.sh limits loopback).
start_switchboard() { # $1 = sqlite|postgresql, $2 = extension numbers file, $3 = rtp min, $4 = rtp max
  local url user=""
  case "$1" in
    sqlite) url="jdbc:sqlite:$WORK/switchboard.db" ;;
    postgresql)
      PG_DB="sb_bench_$$"
      psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $PG_DB" >/dev/null
      url="jdbc:postgresql://127.0.0.1:5432/$PG_DB"; user=postgres ;;
    *) echo "database must be sqlite or postgresql: $1" >&2; return 2 ;;
  esac
  SB_PORT=$(free_port next)
  {
    echo "sip: {bind: 127.0.0.1, port: $SB_PORT, tls_port: $((SB_PORT + 1)), tls_dir: $WORK/tls, domain: $DOMAIN}"
    echo "sip_security: ${SB_SIP_SECURITY:-{trusted_networks: \"127.0.0.0/8\"\}}"
    echo "http: {bind: 127.0.0.1, port: 0}"
    echo "rtp: {port_min: $3, port_max: $4}"
    echo "database: {url: \"$url\", user: \"$user\"}"
    echo "admin: {username: admin, password: bench-admin-password}"
    echo "provisioning: {key_file: $WORK/provisioning.key, devices: []}"
    echo "extensions:"
    while read -r n; do echo "  - {number: \"$n\", name: \"Bench $n\", password: secret123}"; done < "$2"
  } > "$WORK/switchboard.yml"
  "$JAVA_HOME/bin/java" ${SB_JAVA_OPTS:-} -jar "$SB_JAR" run --config "$WORK/switchboard.yml" \
    > "$WORK/server.log" 2>&1 &
  SB_PID=$!
  PIDS+=("$SB_PID")
  local waited=0
  until grep -qs 'switchboard started' "$WORK/server.log"; do
    if ! kill -0 "$SB_PID" 2>/dev/null || [ $waited -ge 120 ]; then
      echo "switchboard did not start:" >&2; tail -n 20 "$WORK/server.log" >&2; return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
}

# Starts the Kamailio anchor with configuration $1 on 127.0.0.1:15060; sets KAM_PORT and KAM_PID.
start_kamailio() { # $1 = configuration file
  kamailio -f "$1" -P "$WORK/kam.pid" -w "$WORK" -m 256 -M 32 >/dev/null 2>&1
  local waited=0
  until [ -s "$WORK/kam.pid" ] || [ $waited -ge 10 ]; do sleep 1; waited=$((waited + 1)); done
  KAM_PID=$(cat "$WORK/kam.pid")
  PIDS+=("$KAM_PID")
  KAM_PORT=15060
}

# CPU seconds (user + system, all threads) used so far by processes $@ and their child processes
# (Kamailio's workers are children of its main process): a cost the machine's other load does not
# inflate the way it inflates wall-clock rates.
cpu_seconds() {
  local pids=("$@") p
  for p in "$@"; do pids+=($(pgrep -P "$p" || true)); done
  for p in "${pids[@]}"; do cat "/proc/$p/stat" 2>/dev/null; done |
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); t += $12 + $13 } END { printf "%.2f", t / hz }'
}

# CPU clock ticks used so far by each group of process $1's threads (digits in names folded to N):
# one "GROUP|TICKS" line per group, sorted, for join(1).
thread_ticks() {
  local t
  for t in /proc/"$1"/task/*; do
    echo "$(sed 's/[0-9]\+/N/g' "$t/comm")|$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$t/stat")"
  done | awk -F'|' '{ a[$1] += $2 } END { for (k in a) print k "|" a[k] }' | sort -t'|' -k1,1
}

# Datagrams the kernel dropped so far because a UDP socket's receive buffer was full, machine-wide:
# tells a reader whether a lost message was dropped by a slow receiver (server or load tool).
udp_drops() { awk '/^Udp:/ && !h { for (i = 1; i <= NF; i++) if ($i == "RcvbufErrors") c = i; h = 1; next }
  /^Udp:/ { print $c }' /proc/net/snmp; }

# The same drops counted at the open UDP sockets bound to local ports $1..$2 (default $1 alone),
# IPv4 and IPv6 (the JVM's sockets are dual-stack IPv6 ones, listed in /proc/net/udp6).
port_drops() {
  awk -v lo="$1" -v hi="${2:-$1}" 'FNR > 1 { split($2, a, ":"); p = strtonum("0x" a[2]); if (p >= lo && p <= hi) d += $NF }
    END { print d + 0 }' /proc/net/udp /proc/net/udp6
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
machine() { echo "$(nproc)x$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"; }

# Which of Switchboard's (process $1) thread groups spent the CPU since thread_ticks snapshot $2,
# over $3 operations named $4 (call, registration): one line per group above 0.05 s, costliest first.
thread_cpu() { # $1 = process, $2 = snapshot file, $3 = operations, $4 = operation name
  thread_ticks "$1" | join -t'|' "$2" - |
    awk -F'|' -v hz="$(getconf CLK_TCK)" -v n="$3" -v op="$4" '($3 - $2) / hz >= 0.05 {
      printf "switchboard: %.2f s CPU, %.1f us per %s: thread group %s\n", ($3 - $2) / hz, 1e6 * ($3 - $2) / hz / n, op, $1 }' |
    sort -k2 -rn
}
