package org.switchboard.pbx.phonebook;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.phonebook.Contact;
import org.switchboard.store.phonebook.NewContact;

/**
 * The phone book as vCards (RFC 6350 4.0 and the 3.0 most address books export; read through
 * ez-vcard): N gives first and last name (else FN the last name, unless ORG names a company's card), ORG the company, TEL of type
 * WORK/CELL/HOME the office/mobile/home numbers (an untyped TEL is the first free of office, mobile,
 * home), the first EMAIL the e-mail. Export writes vCard 3.0, which every phone and address book
 * reads. Stateless, any thread.
 */
public final class PhoneBookVcard {
    private PhoneBookVcard() {}

    /** {@link ValidationException} on field {@code file} naming the vCard and the fault. */
    public static List<NewContact> parse(String text) {
        List<VCard> cards = Ezvcard.parse(text).all();
        if (cards.isEmpty()) {
            throw new ValidationException("file", "holds no vCard (BEGIN:VCARD ... END:VCARD)");
        }
        if (cards.size() > PhoneBookCsv.MAX_CONTACTS) {
            throw new ValidationException("file", "holds more than " + PhoneBookCsv.MAX_CONTACTS + " contacts");
        }
        List<NewContact> contacts = new ArrayList<>(cards.size());
        for (int i = 0; i < cards.size(); i++) {
            contacts.add(parts(cards.get(i)).toContact("vCard " + (i + 1)));
        }
        return contacts;
    }

    public static String write(List<Contact> contacts) {
        List<VCard> cards = contacts.stream().map(c -> card(c.values())).toList();
        return Ezvcard.write(cards).version(VCardVersion.V3_0).prodId(false).go();
    }

    private static ContactParts parts(VCard card) {
        ContactParts parts = new ContactParts();
        StructuredName name = card.getStructuredName();
        if (name != null) {
            parts.firstName = name.getGiven();
            parts.lastName = name.getFamily();
        }
        Organization org = card.getOrganization();
        if (org != null && !org.getValues().isEmpty()) {
            parts.company = org.getValues().getFirst();
        }
        // FN names a card without N; a company's own card repeats the company there.
        if (parts.firstName == null && parts.lastName == null && parts.company == null && card.getFormattedName() != null) {
            parts.lastName = card.getFormattedName().getValue();
        }
        List<String> untyped = new ArrayList<>();
        for (Telephone tel : card.getTelephoneNumbers()) {
            String number = tel.getText() != null ? tel.getText() : tel.getUri() == null ? null : tel.getUri().getNumber();
            if (number == null) {
                continue;
            }
            if (tel.getTypes().contains(TelephoneType.CELL) && parts.mobile == null) {
                parts.mobile = number;
            } else if (tel.getTypes().contains(TelephoneType.HOME) && parts.home == null) {
                parts.home = number;
            } else if (tel.getTypes().contains(TelephoneType.WORK) && parts.office == null) {
                parts.office = number;
            } else {
                untyped.add(number);
            }
        }
        for (String number : untyped) {
            if (parts.office == null) {
                parts.office = number;
            } else if (parts.mobile == null) {
                parts.mobile = number;
            } else if (parts.home == null) {
                parts.home = number;
            }
        }
        parts.email = card.getEmails().stream().map(Email::getValue).findFirst().orElse(null);
        return parts;
    }

    private static VCard card(NewContact c) {
        VCard card = new VCard();
        StructuredName name = new StructuredName();
        c.firstName().ifPresent(name::setGiven);
        c.lastName().ifPresent(name::setFamily);
        card.setStructuredName(name);
        card.setFormattedName(c.displayName());
        c.company().ifPresent(card::setOrganization);
        c.office().ifPresent(n -> card.addTelephoneNumber(n, TelephoneType.WORK, TelephoneType.VOICE));
        c.mobile().ifPresent(n -> card.addTelephoneNumber(n, TelephoneType.CELL, TelephoneType.VOICE));
        c.home().ifPresent(n -> card.addTelephoneNumber(n, TelephoneType.HOME, TelephoneType.VOICE));
        c.email().ifPresent(card::addEmail);
        return card;
    }
}
