package org.switchboard.server.wiring;

import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.phonebook.PhoneBookRoutes;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.phonebook.PhoneBookService;

/**
 * The company phone book (docs/phone-book.md): its cache, its routes, and the names phones are
 * shown with a caller's number once SIP runs: an extension's own name, else the phone-book
 * contact's (both from memory). The directories phones read are served by provisioning. Built and
 * driven by the start-up thread.
 */
final class PhoneBookModule implements FeatureModule {
    private final PhoneBookService book;
    private final ExtensionService extensions;

    PhoneBookModule(PhoneBookService book, ExtensionService extensions) {
        this.book = book;
        this.extensions = extensions;
    }

    @Override
    public String name() {
        return "phonebook";
    }

    @Override
    public void loadCaches() {
        book.reloadCache();
    }

    @Override
    public void sipStarted(SipWiring sip) {
        sip.callControl().nameCallersWith(number -> extensions.nameOf(number).or(() -> book.nameOf(number)));
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new PhoneBookRoutes(book));
    }
}
