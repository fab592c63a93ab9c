package org.switchboard.api.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.extension.DigestChoice;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Extension CRUD over real HTTP, on SQLite and PostgreSQL. */
class ExtensionRoutesTest {
    private static final String ALICE = """
            {"number":"1001","name":"Alice","password":"Alice-Pa55word","email":"alice@example.org",
             "voicemail_pin":"482913","allow_external":true}""";

    @BothEngines
    void createReturns201WithLocationAndNoSecrets(TestDatabase db) {
        try (ApiFixture api = new ApiFixture(db)) {
            String token = api.login();
            HttpResponse<String> r = api.send("POST", "/api/extensions", token, ALICE);
            assertThat(r.statusCode()).as("POST /api/extensions: %s", r.body()).isEqualTo(201);
            assertThat(r.headers().firstValue("Location")).contains("/api/extensions/1001");
            JsonNode body = json(r);
            assertThat(body.get("number").asText()).isEqualTo("1001");
            assertThat(body.get("name").asText()).isEqualTo("Alice");
            assertThat(body.get("email").asText()).isEqualTo("alice@example.org");
            assertThat(body.get("allow_external").asBoolean()).isTrue();
            assertThat(body.get("enabled").asBoolean()).isTrue();
            assertThat(body.get("has_voicemail_pin").asBoolean()).isTrue();
            assertNoSecrets(r.body(), api.extensions.get("1001"));
        }
    }

    @BothEngines
    void createdExtensionReadsBackAndRegistersWithItsPassword(TestDatabase db) {
        try (ApiFixture api = new ApiFixture(db)) {
            String token = api.login();
            api.send("POST", "/api/extensions", token, ALICE);
            HttpResponse<String> one = api.send("GET", "/api/extensions/1001", token, null);
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(json(one).get("name").asText()).isEqualTo("Alice");
            HttpResponse<String> all = api.send("GET", "/api/extensions", token, null);
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(json(all)).hasSize(1);
            assertNoSecrets(one.body() + all.body(), api.extensions.get("1001"));
            assertThat(api.extensions.findCredentials("1001")).get()
                    .satisfies(c -> assertThat(c.ha1Md5()).isEqualTo(DigestAlgorithm.MD5.ha1("1001", ApiFixture.REALM, "Alice-Pa55word")));
        }
    }

    @BothEngines
    void updateChangesFieldsAndKeepsOmittedSecrets(TestDatabase db) {
        try (ApiFixture api = new ApiFixture(db)) {
            String token = api.login();
            api.send("POST", "/api/extensions", token, ALICE);
            Extension before = api.extensions.get("1001");
            HttpResponse<String> r = api.send("PUT", "/api/extensions/1001", token,
                    "{\"name\":\"Alice Smith\",\"allow_external\":false,\"enabled\":false}");
            assertThat(r.statusCode()).as("PUT: %s", r.body()).isEqualTo(200);
            assertThat(json(r).get("name").asText()).isEqualTo("Alice Smith");
            assertThat(json(r).get("enabled").asBoolean()).isFalse();
            assertThat(json(r).get("has_voicemail_pin").asBoolean()).isTrue();
            Extension after = api.extensions.get("1001");
            assertThat(after.ha1Md5()).isEqualTo(before.ha1Md5());
            assertThat(after.voicemailPinHash()).isEqualTo(before.voicemailPinHash());
            assertNoSecrets(r.body(), after);
        }
    }

    @BothEngines
    void theDigestAlgorithmIsAutoByDefaultAndCanBeSetOrRefused(TestDatabase db) {
        try (ApiFixture api = new ApiFixture(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", "/api/extensions", token, ALICE);
            assertThat(json(created).get("digest_algorithm").asText()).isEqualTo("auto");

            HttpResponse<String> r = api.send("PUT", "/api/extensions/1001", token,
                    "{\"name\":\"Alice\",\"digest_algorithm\":\"sha-256\"}");
            assertThat(r.statusCode()).as("PUT: %s", r.body()).isEqualTo(200);
            assertThat(json(api.send("GET", "/api/extensions/1001", token, null)).get("digest_algorithm").asText())
                    .isEqualTo("sha-256");
            assertThat(api.extensions.findCredentials("1001")).get()
                    .satisfies(c -> assertThat(c.digestChoice()).isEqualTo(DigestChoice.SHA_256));

            HttpResponse<String> bad = api.send("PUT", "/api/extensions/1001", token,
                    "{\"name\":\"Alice\",\"digest_algorithm\":\"sha-1\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad).at("/error/field").asText()).isEqualTo("digest_algorithm");
        }
    }

    @BothEngines
    void updateCannotRenumber(TestDatabase db) {
        try (ApiFixture api = new ApiFixture(db)) {
            String token = api.login();
            api.send("POST", "/api/extensions", token, ALICE);
            HttpResponse<String> r = api.send("PUT", "/api/extensions/1001", token, "{\"number\":\"1002\",\"name\":\"A\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(json(r).at("/error/field").asText()).isEqualTo("number");
        }
    }

    @BothEngines
    void deleteIs204AndThenTheExtensionIsGone(TestDatabase db) {
        try (ApiFixture api = new ApiFixture(db)) {
            String token = api.login();
            api.send("POST", "/api/extensions", token, ALICE);
            assertThat(api.send("DELETE", "/api/extensions/1001", token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", "/api/extensions/1001", token, null).statusCode()).isEqualTo(404);
            assertThat(api.extensions.findCredentials("1001")).isEmpty();
        }
    }

    @BothEngines
    void duplicateNumberIs409NamingNumber(TestDatabase db) {
        try (ApiFixture api = new ApiFixture(db)) {
            String token = api.login();
            api.send("POST", "/api/extensions", token, ALICE);
            HttpResponse<String> r = api.send("POST", "/api/extensions", token, ALICE);
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(json(r).at("/error/code").asText()).isEqualTo("conflict");
            assertThat(json(r).at("/error/field").asText()).isEqualTo("number");
        }
    }

    @BothEngines
    void unknownNumberIs404ForGetPutAndDelete(TestDatabase db) {
        try (ApiFixture api = new ApiFixture(db)) {
            String token = api.login();
            assertThat(api.send("GET", "/api/extensions/1999", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("PUT", "/api/extensions/1999", token, "{\"name\":\"X\"}").statusCode()).isEqualTo(404);
            HttpResponse<String> r = api.send("DELETE", "/api/extensions/1999", token, null);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(json(r).at("/error/code").asText()).isEqualTo("not_found");
        }
    }

    @BothEngines
    void invalidFieldsAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = new ApiFixture(db)) {
            String token = api.login();
            String[][] cases = {
                    {"{\"number\":\"1\",\"name\":\"A\",\"password\":\"12345678\"}", "number"},
                    {"{\"number\":\"1001\",\"password\":\"12345678\"}", "name"},
                    {"{\"number\":\"1001\",\"name\":\"A\"}", "password"},
                    {"{\"number\":\"1001\",\"name\":\"A\",\"password\":\"short\"}", "password"},
                    {"{\"number\":\"1001\",\"name\":\"A\",\"password\":\"12345678\",\"email\":\"nope\"}", "email"},
                    {"{\"number\":\"1001\",\"name\":\"A\",\"password\":\"12345678\",\"voicemail_pin\":\"12\"}", "voicemail_pin"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", "/api/extensions", token, c[0]);
                assertThat(r.statusCode()).as("POST %s", c[0]).isEqualTo(400);
                assertThat(json(r).at("/error/code").asText()).isEqualTo("validation");
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
                assertThat(r.body()).doesNotContain("12345678");
            }
            assertThat(api.extensions.count()).isZero();
        }
    }

    private static void assertNoSecrets(String body, Extension stored) {
        assertThat(body).doesNotContain("Alice-Pa55word", "482913", stored.ha1Md5(), stored.ha1Sha256(),
                stored.voicemailPinHash(), "password", "ha1", "pin_hash", "realm");
    }
}
