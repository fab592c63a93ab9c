package org.switchboard.pbx.phonebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.store.phonebook.Contact;
import org.switchboard.store.phonebook.NewContact;

class CallerDirectoryTest {
    private static long ids;

    static Contact contact(String first, String last, String company, String office, String mobile) {
        return new Contact(++ids, new NewContact(Optional.ofNullable(first), Optional.ofNullable(last),
                Optional.ofNullable(company), Optional.ofNullable(office), Optional.ofNullable(mobile), Optional.empty(),
                Optional.empty()), Instant.EPOCH, Instant.EPOCH);
    }

    private final CallerDirectory directory = new CallerDirectory(List.of(
            contact("Jane", "Doe", "Acme", "+1 (555) 010-2000", "555.010.2001"),
            contact(null, null, "Berlin Office", "030 123456", null),
            contact("Short", "Number", null, "2001", null),
            contact("Second", "Owner", null, "+15550102000", null)));

    @Test
    void theSameDigitsMatchWhateverTheSeparators() {
        assertThat(directory.nameOf("15550102000")).contains("Jane Doe");
        assertThat(directory.nameOf("555-010-2001")).contains("Jane Doe");
        assertThat(directory.nameOf("2001")).contains("Short Number");
    }

    @Test
    void numbersWithAndWithoutCountryCodeOrTrunkPrefixMatch() {
        assertThat(directory.nameOf("5550102000")).as("without the country code").contains("Jane Doe");
        assertThat(directory.nameOf("+15550102001")).as("with it, the contact without").contains("Jane Doe");
        assertThat(directory.nameOf("+4930123456")).as("the trunk prefix 0 stands for the country code").contains("Berlin Office");
        assertThat(directory.nameOf("004930123456")).contains("Berlin Office");
    }

    @Test
    void shortNumbersAndOtherNumbersDoNotMatchTheEndOfALongOne() {
        assertThat(directory.nameOf("12001")).isEmpty();
        assertThat(directory.nameOf("5550109999")).isEmpty();
        assertThat(directory.nameOf("anonymous")).isEmpty();
        assertThat(directory.nameOf("")).isEmpty();
    }

    @Test
    void theFirstContactInBookOrderWinsAShareNumber() {
        assertThat(directory.nameOf("+15550102000")).contains("Jane Doe");
    }
}
