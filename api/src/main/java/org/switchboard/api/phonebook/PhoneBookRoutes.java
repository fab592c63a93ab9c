package org.switchboard.api.phonebook;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.phonebook.PhoneBookCsv;
import org.switchboard.pbx.phonebook.PhoneBookService;
import org.switchboard.pbx.phonebook.PhoneBookVcard;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.phonebook.Contact;
import org.switchboard.store.phonebook.NewContact;

/**
 * The company phone book over HTTP (docs/phone-book.md): contacts, their export as CSV or vCard,
 * and imports of either (all or nothing; {@code ?mode=replace} replaces the book), translating to
 * {@link PhoneBookService} calls. Handlers run on virtual threads; the service is thread-safe.
 */
public final class PhoneBookRoutes implements Routes {
    private static final String BOOK = "/api/phonebook";

    private final PhoneBookService book;

    public PhoneBookRoutes(PhoneBookService book) {
        this.book = book;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(BOOK, ctx -> ctx.json(book.list().stream().map(ContactView::of).toList()));
        routes.post(BOOK, this::create);
        routes.get(BOOK + ".csv", ctx -> download(ctx, "text/csv; charset=utf-8", "phonebook.csv", PhoneBookCsv.write(book.list())));
        routes.get(BOOK + ".vcf", ctx -> download(ctx, "text/vcard; charset=utf-8", "phonebook.vcf", PhoneBookVcard.write(book.list())));
        routes.post(BOOK + "/import", this::importFile);
        routes.get(BOOK + "/{id}", ctx -> ctx.json(ContactView.of(book.get(id(ctx)))));
        routes.put(BOOK + "/{id}", ctx -> ctx.json(ContactView.of(book.update(id(ctx), body(ctx), actor(ctx)))));
        routes.delete(BOOK + "/{id}", ctx -> {
            book.delete(id(ctx), actor(ctx));
            ctx.status(HttpStatus.NO_CONTENT);
        });
    }

    @Override
    public String openApiResource() {
        return "openapi/phonebook.json";
    }

    private void create(Context ctx) {
        Contact saved = book.create(body(ctx), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", BOOK + "/" + saved.id()).json(ContactView.of(saved));
    }

    /** The body is the file: CSV unless its type says vCard ({@code text/vcard}, {@code text/x-vcard}). */
    private void importFile(Context ctx) {
        String mode = ctx.queryParam("mode") == null ? "add" : ctx.queryParam("mode");
        if (!mode.equals("add") && !mode.equals("replace")) {
            throw new ValidationException("mode", "must be add or replace");
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        List<NewContact> contacts = type.contains("vcard") ? PhoneBookVcard.parse(ctx.body()) : PhoneBookCsv.parse(ctx.body());
        int added = book.importAll(contacts, mode.equals("replace"), actor(ctx));
        ctx.json(Map.of("imported", added, "contacts", book.list().size()));
    }

    private static NewContact body(Context ctx) {
        return Json.read(ctx, ContactBody.class).toContact();
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("contact", ctx.pathParam("id"));
        }
    }

    private static void download(Context ctx, String type, String fileName, String body) {
        ctx.contentType(type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").result(body);
    }
}
