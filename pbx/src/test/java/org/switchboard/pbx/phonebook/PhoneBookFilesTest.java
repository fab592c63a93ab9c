package org.switchboard.pbx.phonebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.pbx.phonebook.CallerDirectoryTest.contact;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.phonebook.Contact;
import org.switchboard.store.phonebook.NewContact;

/** CSV and vCard: what is written reads back the same, and a bad entry is named. */
class PhoneBookFilesTest {
    private static final List<Contact> BOOK = List.of(
            contact("Jane", "Doe", "Acme, Inc.", "+1 (555) 010-2000", "555 010 2001"),
            contact(null, null, "Plumbing \"Fast\" Ltd", null, "0170 1234567"),
            contact("Ümit", "Öztürk", null, "+49 30 123456", null));

    private static List<NewContact> values() {
        return BOOK.stream().map(Contact::values).toList();
    }

    @Test
    void csvRoundTrips() {
        String csv = PhoneBookCsv.write(BOOK);
        assertThat(csv).startsWith("first_name,last_name,company,office,mobile,home,email");
        assertThat(PhoneBookCsv.parse(csv)).isEqualTo(values());
    }

    @Test
    void csvColumnsMayComeInAnyOrderAndCaseAndMayBeMissing() {
        List<NewContact> read = PhoneBookCsv.parse("Mobile,Last_Name\r\n0170 1,Doe\r\n\r\n0170 2,Roe\r\n");
        assertThat(read).extracting(NewContact::displayName).containsExactly("Doe", "Roe");
        assertThat(read.getFirst().mobile()).contains("0170 1");
    }

    @Test
    void aBadCsvLineOrColumnIsNamed() {
        assertThatThrownBy(() -> PhoneBookCsv.parse("last_name,office\nDoe,100\nRoe,call me\n"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("line 3").hasMessageContaining("office");
        assertThatThrownBy(() -> PhoneBookCsv.parse("last_name,fax\nDoe,100\n"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown column 'fax'");
        assertThatThrownBy(() -> PhoneBookCsv.parse("last_name,office\n\"Doe,100\n"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "file");
    }

    @Test
    void vcardRoundTrips() {
        String vcf = PhoneBookVcard.write(BOOK);
        assertThat(vcf).contains("BEGIN:VCARD", "VERSION:3.0", "TEL;TYPE=work,voice:+1 (555) 010-2000");
        assertThat(PhoneBookVcard.parse(vcf)).isEqualTo(values());
    }

    @Test
    void vcardsFromAddressBooksAreRead() {
        String exported = """
                BEGIN:VCARD
                VERSION:4.0
                FN:Dr. Ann Smith
                N:Smith;Ann;;Dr.;
                ORG:Initech;Sales
                TEL;TYPE=cell:+15550109000
                TEL:+15550109001
                EMAIL;TYPE=work:ann@initech.test
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Reception
                TEL;TYPE=WORK,VOICE:100
                END:VCARD
                """;
        List<NewContact> read = PhoneBookVcard.parse(exported);
        assertThat(read.getFirst()).isEqualTo(new NewContact(Optional.of("Ann"), Optional.of("Smith"), Optional.of("Initech"),
                Optional.of("+15550109001"), Optional.of("+15550109000"), Optional.empty(), Optional.of("ann@initech.test")));
        assertThat(read.get(1).displayName()).isEqualTo("Reception");
    }

    @Test
    void aVcardWithoutNumberOrNoVcardAtAllIsNamed() {
        assertThatThrownBy(() -> PhoneBookVcard.parse("BEGIN:VCARD\nVERSION:3.0\nFN:A\nTEL:1\nEND:VCARD\n"
                + "BEGIN:VCARD\nVERSION:3.0\nFN:No Number\nEND:VCARD\n"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("vCard 2").hasMessageContaining("office");
        assertThatThrownBy(() -> PhoneBookVcard.parse("first_name,last_name\n"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no vCard");
    }
}
