package org.switchboard.pbx.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void theFirstRetryComesWithinTenSecondsThenTheWaitDoublesUpToTheCap() {
        WebhookSettings s = WebhookSettings.DEFAULTS;

        assertThat(s.retryAfter(1)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(s.retryAfter(2)).isEqualTo(s.retryAfter(1).multipliedBy(2));
        assertThat(s.retryAfter(3)).isEqualTo(s.retryAfter(1).multipliedBy(4));
        assertThat(s.retryAfter(40)).isEqualTo(s.maxRetry());
    }

    @Test
    void filtersMatchExactNamesAndFamilyWildcards() {
        assertThat(WebhookEvents.isKnown("call.ended")).isTrue();
        assertThat(WebhookEvents.isKnown("queue.*")).isTrue();
        assertThat(WebhookEvents.isKnown("fraud.*")).isTrue();
        assertThat(WebhookEvents.isKnown("call.*")).as("only the families named have wildcards").isFalse();
        assertThat(WebhookEvents.isKnown("call.hold")).isFalse();
        assertThat(WebhookEvents.matches(List.of("queue.*"), "queue.caller_joined")).isTrue();
        assertThat(WebhookEvents.matches(List.of("queue.*"), "queued.x")).isFalse();
        assertThat(WebhookEvents.matches(List.of("call.ended"), "call.started")).isFalse();
    }

    @Test
    void theSignatureIsTheHmacOfTheTimestampDotTheBody() {
        // Expected value from: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        String header = WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"a\":1}");

        assertThat(header).isEqualTo("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
        assertThat(WebhookSignature.verify("whsec_test", header, "{\"a\":1}")).isTrue();
        assertThat(WebhookSignature.verify("whsec_test", header, "{\"a\":2}")).isFalse();
    }
}
