package org.switchboard.pbx.call;

import java.time.Duration;

/**
 * How call control behaves on this node. Immutable.
 *
 * @param domain the SIP domain: digest realm of the INVITE challenge and host of the From/To URIs
 *     sent to callees
 * @param sipHost the host phones reach the PBX's SIP listeners on (our Contact)
 * @param mediaAddress the address phones send RTP to (the relay's address in SDP)
 * @param noAnswerTimeout how long callee phones ring before the caller gets 480
 */
public record CallControlSettings(String domain, String sipHost, String mediaAddress, Duration noAnswerTimeout) {
    public CallControlSettings {
        if (!noAnswerTimeout.isPositive()) {
            throw new IllegalArgumentException("no-answer timeout must be positive: " + noAnswerTimeout);
        }
    }
}
