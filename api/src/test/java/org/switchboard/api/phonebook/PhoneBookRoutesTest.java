package org.switchboard.api.phonebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.phonebook.PhoneBookService;
import org.switchboard.store.phonebook.JdbiPhoneBookStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * The phone book over real HTTP, on SQLite and PostgreSQL: CRUD, 400s naming the field, CSV and
 * vCard export, and imports that add or replace all or nothing; every change is read back from a
 * service restarted on the same database.
 */
class PhoneBookRoutesTest {
    private static final String BOOK = "/api/phonebook";
    private static final String JANE = """
            {"first_name":"Jane","last_name":"Doe","company":"Acme","office":"+1 555 010 2000","email":"jane@acme.test"}""";

    private static ApiFixture serve(TestDatabase db) {
        return new ApiFixture(db, new PhoneBookRoutes(book(db)));
    }

    private static PhoneBookService book(TestDatabase db) {
        PhoneBookService book = new PhoneBookService(new JdbiPhoneBookStore(db.database()), Clock.systemUTC(), new EventBus());
        book.reloadCache();
        return book;
    }

    @BothEngines
    void aContactIsCreatedReadReplacedAndDeleted(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", BOOK, token, JANE);
            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            JsonNode jane = json(api.send("GET", location, token, null));
            assertThat(jane.get("name").asText()).isEqualTo("Jane Doe");
            assertThat(jane.get("office").asText()).isEqualTo("+1 555 010 2000");
            assertThat(jane.has("mobile")).as("absent parts are omitted").isFalse();

            HttpResponse<String> put = api.send("PUT", location, token, """
                    {"company":"Initech","mobile":"0170 1234567"}""");
            assertThat(put.statusCode()).as("PUT: %s", put.body()).isEqualTo(200);
            assertThat(book(db).list()).singleElement().satisfies(c -> {
                assertThat(c.values().displayName()).as("read from the database again").isEqualTo("Initech");
                assertThat(c.values().mobile()).contains("0170 1234567");
            });

            assertThat(api.send("DELETE", location, token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", location, token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", BOOK + "/abc", token, null).statusCode()).isEqualTo(404);
            assertThat(book(db).list()).isEmpty();
            assertThat(api.send("GET", BOOK, null, null).statusCode()).as("no token").isEqualTo(401);
            assertThat(api.server.openApi().operations()).as("every route documented").containsAll(
                    api.server.registeredRoutes().stream().filter(k -> k.path().startsWith(BOOK)).toList());
        }
    }

    @BothEngines
    void badContactsAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                    {"{\"office\":\"100\"}", "last_name"},
                    {"{\"last_name\":\"Doe\"}", "office"},
                    {"{\"last_name\":\"Doe\",\"office\":\"call me\"}", "office"},
                    {"{\"last_name\":\"Doe\",\"office\":\"100\",\"email\":\"nobody\"}", "email"},
                    {"{\"last_name\":\"Doe\",\"office\":\"100\",\"fax\":\"200\"}", "fax"},
                    {"{\"last_name\":\"Doe\",\"office\":100}", "office"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", BOOK, token, c[0]);
                assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
            }
            assertThat(json(api.send("GET", BOOK, token, null))).as("nothing saved").isEmpty();
        }
    }

    @BothEngines
    void importsAddOrReplaceAllOrNothingAndExportsReadBack(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", BOOK, token, JANE);
            HttpResponse<String> csv = api.send("POST", BOOK + "/import", token,
                    "last_name,first_name,mobile\nRoe,Rick,0170 1\nPoe,Pia,0170 2\n", "Content-Type", "text/csv");
            assertThat(csv.statusCode()).as("CSV import: %s", csv.body()).isEqualTo(200);
            assertThat(json(csv).get("imported").asInt()).isEqualTo(2);
            assertThat(json(csv).get("contacts").asInt()).isEqualTo(3);

            HttpResponse<String> bad = api.send("POST", BOOK + "/import", token,
                    "last_name,mobile\nGood,1\nBad,no number\n", "Content-Type", "text/csv");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad).at("/error/field").asText()).isEqualTo("file");
            assertThat(json(bad).at("/error/message").asText()).contains("line 3");
            assertThat(book(db).list()).as("all or nothing").hasSize(3);

            HttpResponse<String> export = api.send("GET", BOOK + ".vcf", token, null);
            assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/vcard"));
            assertThat(export.body()).contains("FN:Jane Doe", "FN:Pia Poe", "FN:Rick Roe");

            HttpResponse<String> replaced = api.send("POST", BOOK + "/import?mode=replace", token,
                    "BEGIN:VCARD\nVERSION:3.0\nN:Smith;Ann;;;\nTEL;TYPE=cell:+15550109000\nEND:VCARD\n",
                    "Content-Type", "text/vcard");
            assertThat(replaced.statusCode()).as("vCard import: %s", replaced.body()).isEqualTo(200);
            assertThat(book(db).list()).singleElement()
                    .satisfies(c -> assertThat(c.values().displayName()).isEqualTo("Ann Smith"));
            assertThat(api.send("GET", BOOK + ".csv", token, null).body())
                    .isEqualTo("first_name,last_name,company,office,mobile,home,email\r\nAnn,Smith,,,+15550109000,,\r\n");
            assertThat(json(api.send("POST", BOOK + "/import?mode=merge", token, "last_name,mobile\nA,1\n",
                    "Content-Type", "text/csv")).at("/error/field").asText()).isEqualTo("mode");
        }
    }
}
