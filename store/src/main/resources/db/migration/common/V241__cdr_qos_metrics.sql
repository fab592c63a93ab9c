-- How each answered call sounded, per leg, written when the call ends (docs/call-quality.md):
-- what the relay measured of the phone's RTP, what the phone reported in RTCP (NULL without RTCP)
-- and the estimated MOS. Rows of a call are keyed by its CDR's call_id.
CREATE TABLE qos_metrics (
    call_id TEXT NOT NULL,
    role TEXT NOT NULL,
    party TEXT NOT NULL,
    packets_received BIGINT NOT NULL,
    packets_expected BIGINT NOT NULL,
    packets_lost BIGINT NOT NULL,
    loss_percent DOUBLE PRECISION NOT NULL,
    jitter_ms DOUBLE PRECISION NOT NULL,
    reported_loss_percent DOUBLE PRECISION,
    reported_jitter_ms DOUBLE PRECISION,
    round_trip_ms DOUBLE PRECISION,
    mos DOUBLE PRECISION NOT NULL,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (call_id, role)
);
