package org.switchboard.pbx.phonebook;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.switchboard.pbx.provisioning.PhoneDirectory;
import org.switchboard.pbx.provisioning.RenderedFile;
import org.switchboard.pbx.provisioning.Vendor;
import org.switchboard.store.phonebook.Contact;
import org.switchboard.store.phonebook.NewContact;

/**
 * The phone book in each maker's remote-directory XML, written with the JDK's StAX writer (every
 * value escaped): Yealink {@code YealinkIPPhoneDirectory} and Snom {@code SnomIPPhoneDirectory}
 * (one entry per contact, a Telephone per number), Cisco {@code CiscoIPPhoneDirectory} (one entry
 * per number: its phones show one number per entry), Polycom's {@code directory} file (one item per
 * number with first and last name), Grandstream's {@code AddressBook} (a contact with its numbers,
 * on account 1) and Fanvil's {@code PhoneBook}. Reads the service's memory; thread-safe.
 */
public final class DirectoryXml implements PhoneDirectory {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private record Number(String label, String value) {}

    private final PhoneBookService book;

    public DirectoryXml(PhoneBookService book) {
        this.book = book;
    }

    @Override
    public RenderedFile render(Vendor vendor) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            List<Contact> contacts = book.list();
            switch (vendor) {
                case YEALINK -> entries(xml, "YealinkIPPhoneDirectory", contacts);
                case SNOM -> entries(xml, "SnomIPPhoneDirectory", contacts);
                case FANVIL -> entries(xml, "PhoneBook", contacts);
                case CISCO -> cisco(xml, contacts);
                case POLYCOM -> polycom(xml, contacts);
                case GRANDSTREAM -> grandstream(xml, contacts);
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a directory to memory failed", e);
        }
        return new RenderedFile(RenderedFile.XML, out.toString());
    }

    private static void entries(XMLStreamWriter xml, String root, List<Contact> contacts) throws XMLStreamException {
        xml.writeStartElement(root);
        for (Contact contact : contacts) {
            xml.writeStartElement("DirectoryEntry");
            element(xml, "Name", contact.values().displayName());
            for (Number number : numbers(contact.values())) {
                xml.writeStartElement("Telephone");
                xml.writeAttribute("label", number.label());
                xml.writeCharacters(number.value());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void cisco(XMLStreamWriter xml, List<Contact> contacts) throws XMLStreamException {
        xml.writeStartElement("CiscoIPPhoneDirectory");
        element(xml, "Title", "Company directory");
        element(xml, "Prompt", "Select a contact");
        for (Contact contact : contacts) {
            for (Number number : numbers(contact.values())) {
                xml.writeStartElement("DirectoryEntry");
                element(xml, "Name", contact.values().displayName() + " (" + number.label() + ")");
                element(xml, "Telephone", number.value());
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
    }

    private static void polycom(XMLStreamWriter xml, List<Contact> contacts) throws XMLStreamException {
        xml.writeStartElement("directory");
        xml.writeStartElement("item_list");
        for (Contact contact : contacts) {
            NewContact c = contact.values();
            for (Number number : numbers(c)) {
                xml.writeStartElement("item");
                element(xml, "fn", c.firstName().orElse(c.lastName().isEmpty() ? c.company().orElseThrow() : ""));
                element(xml, "ln", c.lastName().orElse(""));
                element(xml, "ct", number.value());
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void grandstream(XMLStreamWriter xml, List<Contact> contacts) throws XMLStreamException {
        xml.writeStartElement("AddressBook");
        for (Contact contact : contacts) {
            NewContact c = contact.values();
            xml.writeStartElement("Contact");
            element(xml, "LastName", c.lastName().orElse(c.firstName().isEmpty() ? c.company().orElseThrow() : ""));
            element(xml, "FirstName", c.firstName().orElse(""));
            for (Number number : numbers(c)) {
                xml.writeStartElement("Phone");
                xml.writeAttribute("type", number.label());
                element(xml, "phonenumber", number.value());
                element(xml, "accountindex", "1");
                xml.writeEndElement();
            }
            if (c.company().isPresent()) {
                element(xml, "Company", c.company().get());
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static List<Number> numbers(NewContact c) {
        return List.of(labelled("Work", c.office()), labelled("Mobile", c.mobile()), labelled("Home", c.home())).stream()
                .flatMap(Optional::stream).toList();
    }

    private static Optional<Number> labelled(String label, Optional<String> number) {
        return number.map(n -> new Number(label, n));
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
