package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.api.http.ApiFixture;

class PanelRoutesTest {
    /** Every file the page loads, found by following its imports from index.html. */
    private static final List<String> FILES = List.of(
            "index.html", "style.css", "app.js", "api.js", "session.js", "dom.js",
            "login.js", "dashboard.js", "chart.js", "events.js", "extensions.js", "devices.js", "phones.js", "calls.js", "sipbans.js",
            "moh.js", "voicemail.js", "trunks.js", "ivr.js", "prompts.js", "webhooks.js", "users.js", "conferences.js",
            "ringgroups.js", "parking.js", "queues.js", "outbound.js", "paging.js", "followme.js", "callsettings.js", "pickup.js",
            "recordings.js", "collection.js", "inbound.js", "timerules.js", "phonebook.js", "emergency.js", "fraud.js");

    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.withSqlite();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void rootServesThePanelPageWithAStrictContentSecurityPolicy() {
        HttpResponse<String> r = api.send("GET", "/", null, null);

        assertThat(r.statusCode()).as("GET /").isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).as("panel CSP")
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                        "frame-ancestors 'none'", "require-trusted-types-for 'script'", "media-src blob:")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(r.body()).contains("<script type=\"module\" src=\"/panel/app.js\"></script>");
    }

    @Test
    void scriptsAndStyleSheetAreServedWithTheirTypes() {
        HttpResponse<String> js = api.send("GET", "/panel/app.js", null, null);
        HttpResponse<String> css = api.send("GET", "/panel/style.css", null, null);

        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(js.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/panel/missing.js", "/panel/..%2Fopenapi%2Fbase.json", "/panel/App.js",
            "/panel/%2e%2e", "/panel/app.json", "/panel/logback-test.xml"})
    void anythingButAPanelFileIsNotFound(String path) {
        HttpResponse<String> r = api.send("GET", path, null, null);

        assertThat(r.statusCode()).as("GET %s", path).isEqualTo(404);
        assertThat(ApiFixture.json(r).path("error").path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void everyFileThePageLoadsExistsAndIsServed() {
        Pattern reference = Pattern.compile("(?:from '\\./|src=\"/panel/|href=\"/panel/)([a-z0-9-]+\\.[a-z]+)");
        for (String file : FILES) {
            Matcher m = reference.matcher(resource(file));
            while (m.find()) {
                assertThat(FILES).as("%s refers to %s", file, m.group(1)).contains(m.group(1));
            }
            assertThat(api.send("GET", "/panel/" + file, null, null).statusCode()).as("GET /panel/%s", file).isEqualTo(200);
        }
    }

    @Test
    void noFileHasInlineScriptStyleOrHtmlFromStrings() {
        for (String file : FILES) {
            String text = resource(file);
            assertThat(text).as("%s: inline handlers, styles or HTML sinks", file)
                    .doesNotContain(" style=", "onclick=\"", "innerHTML", "outerHTML", "insertAdjacentHTML",
                            "document.write", "eval(", "new Function");
            if (file.endsWith(".html")) {
                assertThat(text).as("%s: every script is an external file", file).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
                assertThat(text).as("%s: no inline style element", file).doesNotContain("<style");
            }
        }
    }

    private static String resource(String file) {
        try (InputStream in = PanelRoutesTest.class.getClassLoader().getResourceAsStream("panel/" + file)) {
            assertThat(in).as("panel/%s on the classpath", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
