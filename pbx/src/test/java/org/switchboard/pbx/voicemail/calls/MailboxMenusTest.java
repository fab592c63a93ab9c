package org.switchboard.pbx.voicemail.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.endpoint.RecordingEnd;
import org.switchboard.pbx.voicemail.Folder;
import org.switchboard.pbx.voicemail.Greeting;
import org.switchboard.pbx.voicemail.PinCheck;
import org.switchboard.pbx.voicemail.VoicemailMessage;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.store.voicemail.BoxSettings;

/**
 * The mailbox menus ({@link MailboxCall} with {@link LoginMenu}, {@link MainMenu}, {@link
 * MessagesMenu}, {@link GreetingsMenu}, {@link GreetingRecording}, {@link PinChange}) over the real
 * voicemail service, keys pressed by the test as the call engine reports them.
 */
class MailboxMenusTest {
    @TempDir
    Path dataDir;
    private Boxes boxes;
    private final SaidPrompts prompts = new SaidPrompts();
    private TestCall call;

    @AfterEach
    void close() {
        if (call != null) {
            call.close();
        }
        boxes.close();
    }

    private void dial(String caller, Function<MailboxCall, Menu> login) {
        dial(caller, login, VoicemailSettings.DEFAULTS);
    }

    private void dial(String caller, Function<MailboxCall, Menu> login, VoicemailSettings settings) {
        if (boxes == null) {
            boxes = new Boxes(dataDir, settings);
        }
        call = new TestCall(caller, "");
        call.answer(c -> new MailboxCall(boxes.voicemail, new Phrases(prompts, ZoneOffset.UTC), c.work(), login));
    }

    private void awaitSaid(String prompt) {
        await().atMost(TestCall.WAIT).until(() -> prompts.said().contains(prompt));
    }

    private int timesSaid(String prompt) {
        return Collections.frequency(prompts.said(), prompt);
    }

    @Test
    void theOwnersPhoneOpensABoxWithoutAPinAtTheCounts() {
        boxes = new Boxes(dataDir, VoicemailSettings.DEFAULTS);
        boxes.leave("1001", "2001", 1000, 1);
        dial("1001", LoginMenu::ownBox);

        call.awaitCollections(1);
        assertThat(prompts.said()).doesNotContain("enter-pin")
                .containsExactly("you-have", "new-message", "old-messages", "mailbox-menu");
    }

    @Test
    void aBoxWithAPinOpensWithTheRightOne() {
        dial("1002", LoginMenu::ownBox);
        call.awaitCollections(1);
        assertThat(prompts.said()).containsExactly("enter-pin");

        call.type(Boxes.BOB_PIN);

        call.awaitCollections(2);
        assertThat(prompts.said()).containsExactly("enter-pin", "no-messages", "mailbox-menu");
    }

    @Test
    void aBoxWithAPinThatLetsItsOwnersPhoneInOpensWithoutIt() {
        boxes = new Boxes(dataDir, VoicemailSettings.DEFAULTS);
        boxes.voicemail.update("1002", new BoxSettings(true, false, 180, true), Optional.empty(), "test");
        dial("1002", LoginMenu::ownBox);

        call.awaitCollections(1);
        assertThat(prompts.said()).containsExactly("no-messages", "mailbox-menu");
    }

    @Test
    void aBoxNamedByARuleAsksForThePinEvenFromItsOwnersPhone() {
        dial("1001", mailbox -> LoginMenu.namedBox(mailbox, "1001"));

        call.awaitCollections(1);
        assertThat(prompts.said()).containsExactly("enter-pin");
    }

    @Test
    void threeWrongPinsInOneCallEndIt() {
        dial("1002", LoginMenu::ownBox, new VoicemailSettings(10, Duration.ofMinutes(5)));
        for (int attempt = 1; attempt <= LoginMenu.MAX_WRONG_PINS; attempt++) {
            call.awaitCollections(attempt);
            long mark = call.leg.lastPlayback();
            call.type("1111");
            call.sayEnds(mark);
        }

        assertThat(call.awaitHangUp()).isEqualTo("voicemail PIN wrong 3 times");
        assertThat(timesSaid("pin-incorrect")).isEqualTo(3);
        assertThat(prompts.said()).endsWith("pin-incorrect", "goodbye").doesNotContain("mailbox-menu");
    }

    @Test
    void aLockedBoxSaysLockedOutAndHangsUp() {
        dial("1002", LoginMenu::ownBox, new VoicemailSettings(2, Duration.ofMinutes(5)));
        call.awaitCollections(1);
        long mark = call.leg.lastPlayback();
        call.type("1111");
        call.sayEnds(mark);
        call.awaitCollections(2);
        mark = call.leg.lastPlayback();
        call.type("2222");
        call.sayEnds(mark);

        assertThat(call.awaitHangUp()).isEqualTo("voicemail box locked");
        assertThat(prompts.said()).endsWith("locked-out", "goodbye");
        assertThat(boxes.voicemail.checkPin("1002", Boxes.BOB_PIN)).as("even the right PIN, while locked")
                .isEqualTo(PinCheck.LOCKED);
    }

    @Test
    void star98AsksForTheBoxAndAnUnknownBoxIsAnsweredLikeAWrongPin() {
        dial("1001", LoginMenu::askedBox);
        call.awaitCollections(1);
        call.type("1009");
        call.awaitCollections(2);
        long mark = call.leg.lastPlayback();
        call.type("1234");
        call.sayEnds(mark);
        call.awaitCollections(3);
        assertThat(prompts.said()).containsExactly("enter-mailbox", "enter-pin", "pin-incorrect", "enter-mailbox");

        call.type("1002");
        call.awaitCollections(4);
        call.type(Boxes.BOB_PIN);

        call.awaitCollections(5);
        assertThat(prompts.said()).endsWith("enter-pin", "no-messages", "mailbox-menu");
    }

    @Test
    void listeningMovesANewMessageToOldThenSevenDeletesAndNineSaves() {
        boxes = new Boxes(dataDir, VoicemailSettings.DEFAULTS);
        VoicemailMessage first = boxes.leave("1001", "2001", 1000, 1);
        boxes.clock.advance(Duration.ofMinutes(1));
        VoicemailMessage second = boxes.leave("1001", "2002", 1000, 1);
        dial("1001", LoginMenu::ownBox);
        call.awaitCollections(1);

        call.press('1');
        call.awaitCollections(2);
        assertThat(prompts.said()).containsSubsequence("message-from", "received", "message-menu");
        assertThat(boxes.voicemail.messages("1001", Folder.OLD)).as("the first message, heard")
                .extracting(VoicemailMessage::id).containsExactly(first.id());

        long mark = call.leg.lastPlayback();
        call.press('7');
        call.sayEnds(mark);
        call.awaitCollections(3);
        assertThat(boxes.voicemail.audio("1001", first.id())).as("the deleted message").isEmpty();

        mark = call.leg.lastPlayback();
        call.press('9');
        call.sayEnds(mark);
        call.sayEnds(mark + 1); // no-more-messages
        call.awaitCollections(4);

        assertThat(prompts.said()).containsSubsequence("message-deleted", "message-from", "message-saved",
                "no-more-messages", "mailbox-menu");
        assertThat(boxes.voicemail.messages("1001", Folder.NEW)).isEmpty();
        assertThat(boxes.voicemail.messages("1001", Folder.OLD)).extracting(VoicemailMessage::id)
                .containsExactly(second.id());
        assertThat(boxes.audioFiles()).as("only the saved message's audio is left").hasSize(1);
    }

    @Test
    void sixGoesToTheNextMessageAndStarBackToTheMailboxMenu() {
        boxes = new Boxes(dataDir, VoicemailSettings.DEFAULTS);
        boxes.leave("1001", "2001", 1000, 1);
        boxes.leave("1001", "2002", 1000, 1);
        dial("1001", LoginMenu::ownBox);
        call.awaitCollections(1);
        call.press('1');
        call.awaitCollections(2);

        call.press('6');
        call.awaitCollections(3);
        assertThat(timesSaid("message-from")).isEqualTo(2);
        assertThat(boxes.voicemail.counts("1001").newMessages()).as("both heard").isZero();

        call.press('*');
        call.awaitCollections(4);
        assertThat(prompts.said()).endsWith("mailbox-menu");
    }

    @Test
    void aGreetingIsRecordedAfterTheToneAndStored() throws Exception {
        dial("1001", LoginMenu::ownBox);
        call.awaitCollections(1);
        call.press('3');
        call.awaitCollections(2);
        long mark = call.leg.lastPlayback();
        call.press('2');
        call.sayEnds(mark); // record-after-tone
        call.sayEnds(mark + 1); // the beep

        call.speak(Boxes.tone(1000, 2), RecordingEnd.STOPPED);

        call.sayEnds(mark + 2); // greeting-saved
        call.awaitCollections(4);
        assertThat(prompts.said()).containsSubsequence("greetings-menu", "record-after-tone", "greeting-saved",
                "greetings-menu");
        assertThat(boxes.voicemail.greeting("1001", Greeting.BUSY)).isPresent();
        assertThat(boxes.audioFiles()).as("the greeting, and no scratch file").hasSize(1);
    }

    @Test
    void aGreetingUnderASecondIsDropped() throws Exception {
        dial("1001", LoginMenu::ownBox);
        call.awaitCollections(1);
        call.press('3');
        call.awaitCollections(2);
        long mark = call.leg.lastPlayback();
        call.press('3');
        call.sayEnds(mark);
        call.sayEnds(mark + 1);

        call.speak(Boxes.tone(1000, 0.4), RecordingEnd.STOPPED);

        call.sayEnds(mark + 2);
        call.awaitCollections(4);
        assertThat(prompts.said()).contains("please-try-again").doesNotContain("greeting-saved");
        assertThat(boxes.voicemail.greeting("1001", Greeting.NAME)).isEmpty();
        assertThat(boxes.audioFiles()).isEmpty();
    }

    @Test
    void fourChangesThePinAndRefusesOneTooShort() {
        dial("1002", LoginMenu::ownBox);
        call.awaitCollections(1);
        call.type(Boxes.BOB_PIN);
        call.awaitCollections(2);
        call.press('4');
        call.awaitCollections(3);
        call.type("12");
        call.awaitCollections(4);
        assertThat(prompts.said()).endsWith("invalid-option", "enter-new-pin");

        long mark = call.leg.lastPlayback();
        call.type("13579");
        call.sayEnds(mark);

        call.awaitCollections(5);
        assertThat(prompts.said()).endsWith("pin-changed", "mailbox-menu");
        assertThat(boxes.voicemail.checkPin("1002", "13579")).isEqualTo(PinCheck.ACCEPTED);
    }

    @Test
    void threePromptsLeftWithoutAKeyEndTheCall() {
        dial("1001", LoginMenu::ownBox);
        for (int prompt = 1; prompt <= MailboxCall.MAX_UNANSWERED - 1; prompt++) {
            call.awaitCollections(prompt);
            call.stayQuiet();
        }
        call.awaitCollections(MailboxCall.MAX_UNANSWERED);
        long mark = call.leg.lastPlayback();
        call.stayQuiet();
        call.sayEnds(mark);

        assertThat(call.awaitHangUp()).isEqualTo("voicemail goodbye");
        assertThat(timesSaid("mailbox-menu")).isEqualTo(MailboxCall.MAX_UNANSWERED);
    }
}
