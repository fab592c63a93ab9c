#!/usr/bin/env python3
"""Added delay of an RTP relay, loopback only: the companion of the anchors' rtpload.

Input (stdin): two lines per call, "LOCAL_PORT DEST_PORT" for the caller's stream, then the
callee's (the format rtpe_calls.py prints and relay.sh writes): the caller's packets, sent to the
relay port the caller was given, come out at the callee's local port, and the other way round.
Every 20 ms each side sends a 172-byte G.711 packet stamped with the wall-clock time of the send; the
arrival time is the kernel's receive timestamp (SO_TIMESTAMPNS), so a busy probe does not inflate it.
usage: rtpdelay.py SECONDS < pairs.txt  -> prints packets sent, received, loss and delay p50/p99/max,
over the whole run and over the packets sent after its first 5 seconds (start-up transients aside).
RTPDELAY_TRACE=FILE also writes one "SENT_MS DELAY_MS STREAM" line per packet received (sent: ms since the
run's start), to see whether the delay is a standing queue, a drift or spikes at certain moments.
"""
import os, select, socket, struct, sys, time

SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)
seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10
lines = [tuple(map(int, l.split())) for l in sys.stdin if l.strip()]
if len(lines) % 2:
    sys.exit("rtpdelay: expected two lines per call")

streams = []  # (socket, destination, ssrc)
for i, (local, dest) in enumerate(lines):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    s.bind(("127.0.0.1", local))
    s.setblocking(False)
    streams.append((s, ("127.0.0.1", dest), 0x2000 + i))

by_fd = {s.fileno(): s for s, _, _ in streams}
stream_of = {s.fileno(): i for i, (s, _, _) in enumerate(streams)}
header = struct.Struct("!BBHII")
stamp = struct.Struct("!q")
delays, sent, seq = [], 0, 0  # delays: (sent at, ns since the run's start; delay, ns; receiving stream)
start = time.monotonic()
start_ns = time.time_ns()
next_send, end = start, start + seconds
poller = select.epoll()
for fd in by_fd:
    poller.register(fd, select.EPOLLIN)
while True:
    now = time.monotonic()
    if now >= end + 1.0:  # one second to drain
        break
    if next_send <= now < end:
        for s, dest, ssrc in streams:
            payload = stamp.pack(time.time_ns()) + b"\xd5" * 152
            s.sendto(header.pack(0x80, 0x08, seq & 0xFFFF, seq * 160 & 0xFFFFFFFF, ssrc) + payload, dest)
            sent += 1
        seq += 1
        next_send += 0.020
    timeout = max(0.0, next_send - time.monotonic()) if now < end else 0.05
    for fd, _ in poller.poll(timeout):
        s = by_fd[fd]
        while True:
            try:
                data, anc, _, _ = s.recvmsg(2048, socket.CMSG_SPACE(16))
            except BlockingIOError:
                break
            arrived = next((struct.unpack("qq", d[:16]) for lvl, typ, d in anc
                            if lvl == socket.SOL_SOCKET and typ == SO_TIMESTAMPNS), None)
            if arrived is None or len(data) < 20:
                continue
            sent_at = stamp.unpack_from(data, 12)[0]
            delays.append((sent_at - start_ns, arrived[0] * 1_000_000_000 + arrived[1] - sent_at, stream_of[fd]))


def percentiles(sample):
    sample = sorted(sample)
    pct = lambda p: sample[min(len(sample) - 1, int(p * len(sample)))] / 1e6 if sample else float("nan")
    return f"p50 {pct(0.50):.3f} p99 {pct(0.99):.3f} max {pct(1.0):.3f}"


if os.environ.get("RTPDELAY_TRACE"):
    with open(os.environ["RTPDELAY_TRACE"], "w") as trace:
        for t, d, i in sorted(delays):
            trace.write(f"{t / 1e6:.3f} {d / 1e6:.3f} {i}\n")

loss = 100.0 * (sent - len(delays)) / sent if sent else 0.0
print(f"calls {len(lines) // 2} sent {sent} received {len(delays)} loss {loss:.3f}% "
      f"delay_ms {percentiles(d for _, d, _ in delays)}, after 5 s {percentiles(d for t, d, _ in delays if t >= 5e9)}")
