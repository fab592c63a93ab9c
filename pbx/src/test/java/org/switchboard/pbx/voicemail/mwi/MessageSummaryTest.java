package org.switchboard.pbx.voicemail.mwi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.voicemail.MailboxCounts;
import org.switchboard.sip.event.EventState;

class MessageSummaryTest {

    @Test
    void newMessagesMakeMessagesWaitingYesWithRfc3842Counts() {
        EventState state = MessageSummary.of(new MailboxCounts("1001", 2, 5), "pbx.example.com");

        assertThat(state.contentType()).isEqualTo("application/simple-message-summary");
        assertThat(new String(state.body(), StandardCharsets.US_ASCII)).isEqualTo("""
                Messages-Waiting: yes\r
                Message-Account: sip:1001@pbx.example.com\r
                Voice-Message: 2/5 (0/0)\r
                """);
    }

    @Test
    void onlyOldMessagesMeanNothingWaits() {
        EventState state = MessageSummary.of(new MailboxCounts("1001", 0, 5), "pbx.example.com");

        assertThat(new String(state.body(), StandardCharsets.US_ASCII))
                .startsWith("Messages-Waiting: no\r\n").contains("Voice-Message: 0/5 (0/0)");
    }

    @Test
    void unsolicitedPhonesAreFoundByAPieceOfTheirUserAgentWhateverTheCase() {
        UnsolicitedPhones phones = UnsolicitedPhones.parse(" Grandstream HT, OldDesk ,, ");

        assertThat(phones.userAgentPieces()).containsExactly("grandstream ht", "olddesk");
        assertThat(phones.matches("Grandstream HT801 1.0.5.11")).isTrue();
        assertThat(phones.matches("OLDDESK/2.1")).isTrue();
        assertThat(phones.matches("Yealink SIP-T46S")).isFalse();
        assertThat(UnsolicitedPhones.parse("").matches("anything")).as("blank list: nobody").isFalse();
    }
}
