package org.switchboard.pbx.phonebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.RenderedFile;
import org.switchboard.pbx.provisioning.Vendor;
import org.switchboard.store.phonebook.Contact;
import org.switchboard.store.phonebook.NewContact;
import org.switchboard.store.phonebook.PhoneBookStore;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Each maker's directory parses as XML, holds every number, and escapes what people type. */
class DirectoryXmlTest {
    private static final List<Contact> BOOK = List.of(
            CallerDirectoryTest.contact("Jane", "Doe & Sons", "Acme <Inc>", "+15550102000", "5550102001"),
            CallerDirectoryTest.contact(null, null, "Plumbing", null, "0170 1234567"));

    private final DirectoryXml directory = new DirectoryXml(bookOf(BOOK));

    @Test
    void yealinkSnomAndFanvilListAContactWithItsNumbers() throws Exception {
        for (Vendor vendor : List.of(Vendor.YEALINK, Vendor.SNOM, Vendor.FANVIL)) {
            Document xml = parse(directory.render(vendor));
            assertThat(texts(xml, "//DirectoryEntry/Name")).as("%s", vendor).containsExactly("Jane Doe & Sons", "Plumbing");
            assertThat(texts(xml, "//DirectoryEntry[1]/Telephone")).containsExactly("+15550102000", "5550102001");
        }
        assertThat(parse(directory.render(Vendor.YEALINK)).getDocumentElement().getTagName()).isEqualTo("YealinkIPPhoneDirectory");
    }

    @Test
    void ciscoAndPolycomHaveAnEntryPerNumber() throws Exception {
        Document cisco = parse(directory.render(Vendor.CISCO));
        assertThat(cisco.getDocumentElement().getTagName()).isEqualTo("CiscoIPPhoneDirectory");
        assertThat(texts(cisco, "//DirectoryEntry/Telephone")).containsExactly("+15550102000", "5550102001", "0170 1234567");
        Document polycom = parse(directory.render(Vendor.POLYCOM));
        assertThat(texts(polycom, "/directory/item_list/item/ct")).containsExactly("+15550102000", "5550102001", "0170 1234567");
        assertThat(texts(polycom, "/directory/item_list/item/fn")).containsExactly("Jane", "Jane", "Plumbing");
    }

    @Test
    void grandstreamHasAContactWithPhonesOnTheFirstAccount() throws Exception {
        Document xml = parse(directory.render(Vendor.GRANDSTREAM));
        assertThat(texts(xml, "/AddressBook/Contact/LastName")).containsExactly("Doe & Sons", "Plumbing");
        assertThat(texts(xml, "/AddressBook/Contact[1]/Phone/phonenumber")).containsExactly("+15550102000", "5550102001");
        assertThat(texts(xml, "/AddressBook/Contact[1]/Company")).containsExactly("Acme <Inc>");
        assertThat(texts(xml, "//accountindex")).containsOnly("1");
    }

    @Test
    void anEmptyBookIsAnEmptyDirectory() throws Exception {
        Document xml = parse(new DirectoryXml(bookOf(List.of())).render(Vendor.YEALINK));
        assertThat(texts(xml, "//DirectoryEntry")).isEmpty();
    }

    static PhoneBookService bookOf(List<Contact> contacts) {
        PhoneBookService service = new PhoneBookService(new ListedBook(contacts),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), new EventBus());
        service.reloadCache();
        return service;
    }

    private static Document parse(RenderedFile file) throws Exception {
        assertThat(file.contentType()).startsWith("application/xml");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(file.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document xml, String path) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** A phone book that only lists: the directory reads nothing else. */
    private record ListedBook(List<Contact> contacts) implements PhoneBookStore {
        @Override
        public List<Contact> list() {
            return contacts;
        }

        @Override
        public Optional<Contact> find(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Contact create(NewContact contact, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Contact update(long id, NewContact contact, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int importAll(List<NewContact> imported, boolean replace, Instant now) {
            throw new UnsupportedOperationException();
        }
    }
}
