package org.switchboard.pbx.clicktodial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingSink;
import org.switchboard.pbx.call.DigitCollection;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.TransferOptions;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.routing.Destination;

/** What one click-to-dial does with the leg the PBX rang, and what it tells the event bus. */
class ClickToDialCallTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final EventBus events = new EventBus();
    private final List<PbxEvent.OriginateProgress> published = new CopyOnWriteArrayList<>();
    private final Leg leg = new Leg();
    private final ClickToDialCall call = new ClickToDialCall("1001", "*97", events, InstantSource.fixed(T0));

    ClickToDialCallTest() {
        events.subscribe("test", EventBus.Delivery.LOSSLESS, 16, event -> published.add((PbxEvent.OriginateProgress) event));
        call.started("call-1");
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void theAnsweredLegIsSentToTheTargetThroughTheDialPlan() {
        call.ringing(leg);
        call.answered(leg);
        call.transferred(leg, leg.transfers.getFirst());

        assertThat(leg.transfers).containsExactly(new Destination("extension", "*97"));
        await().atMost(Duration.ofSeconds(2)).until(() -> published.size() == 3);
        assertThat(published).extracting(PbxEvent.OriginateProgress::stage).containsExactly("ringing", "answered", "connected");
        assertThat(published.getFirst()).isEqualTo(new PbxEvent.OriginateProgress(T0, "call-1", "1001", "*97", "ringing", 0, ""));
    }

    @Test
    void aTargetThatFailsGivesABusyToneThenTheHangUpWithTheStatus() {
        call.answered(leg);
        call.transferFailed(leg, new Destination("extension", "*97"), 486, "Busy Here");

        assertThat(leg.played).hasSize(1);
        assertThat(leg.hungUp).isEmpty();
        call.playbackFinished(leg, 1, PlaybackEnd.COMPLETED);
        assertThat(leg.hungUp).containsExactly("click-to-dial to *97 failed: 486 Busy Here");
        await().atMost(Duration.ofSeconds(2)).until(() -> published.size() == 2);
        assertThat(published.get(1).stage()).isEqualTo("failed");
        assertThat(published.get(1).status()).isEqualTo(486);
    }

    @Test
    void theExtensionNotAnsweringIsReportedWithItsStatus() {
        call.failed(leg, 480, "No Answer");

        await().atMost(Duration.ofSeconds(2)).until(() -> published.size() == 1);
        assertThat(published.getFirst().reason()).isEqualTo("No Answer");
        assertThat(leg.transfers).isEmpty();
    }

    /** A leg that records what the click-to-dial asks of it. */
    private static final class Leg implements PbxLeg {
        final List<Destination> transfers = new ArrayList<>();
        final List<AudioSource> played = new ArrayList<>();
        final List<String> hungUp = new ArrayList<>();

        @Override
        public String id() {
            return "click-to-dial-leg";
        }

        @Override
        public String caller() {
            return "1001";
        }

        @Override
        public String dialled() {
            return "*97";
        }

        @Override
        public String callerName() {
            return "";
        }

        @Override
        public void transfer(Destination destination, TransferOptions options) {
            transfers.add(destination);
        }

        @Override
        public long play(AudioSource source) {
            played.add(source);
            return played.size();
        }

        @Override
        public void stopPlayback() {}

        @Override
        public void record(RecordingSink sink, RecordOptions options) {}

        @Override
        public void stopRecording() {}

        @Override
        public void collectDigits(DigitCollection request) {}

        @Override
        public void joinMixer(Mixer mixer) {}

        @Override
        public void leaveMixer() {}

        @Override
        public void muteInMixer(boolean muted) {}

        @Override
        public void hangUp(String cause) {
            hungUp.add(cause);
        }
    }
}
