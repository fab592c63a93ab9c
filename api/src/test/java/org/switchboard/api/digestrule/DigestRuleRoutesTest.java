package org.switchboard.api.digestrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.http.RouteKey;
import org.switchboard.pbx.digestrule.DigestRuleSeed;
import org.switchboard.pbx.digestrule.DigestRuleService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.digestrule.JdbiDigestRuleStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** The digest User-Agent rules over real HTTP, on SQLite and PostgreSQL. */
class DigestRuleRoutesTest {
    private static final String PATH = "/api/sip/digest-rules";

    private DigestRuleService rules;

    private ApiFixture serve(TestDatabase db) {
        rules = new DigestRuleService(new JdbiDigestRuleStore(db.database()), Clock.systemUTC(), new EventBus());
        rules.replace(DigestRuleSeed.defaults(), "test");
        return new ApiFixture(db, new DigestRuleRoutes(rules));
    }

    @BothEngines
    void getListsTheSeededRulesInOrder(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            HttpResponse<String> r = api.send("GET", PATH, api.login(), null);

            assertThat(r.statusCode()).as("GET: %s", r.body()).isEqualTo(200);
            JsonNode first = json(r).get(0);
            assertThat(first.get("position").asInt()).isEqualTo(1);
            assertThat(first.get("user_agent_pattern").asText()).startsWith("^baresip");
            assertThat(first.get("algorithms").asText()).isEqualTo("md5");
        }
    }

    @BothEngines
    void putReplacesTheListAndTheChallengeChoiceFollowsAtOnce(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> r = api.send("PUT", PATH, token, """
                    {"rules":[{"user_agent_pattern":"^Acme","algorithms":"sha-256","note":"new firmware"}]}""");

            assertThat(r.statusCode()).as("PUT: %s", r.body()).isEqualTo(200);
            JsonNode back = json(api.send("GET", PATH, token, null));
            assertThat(back).hasSize(1);
            assertThat(back.get(0).get("note").asText()).isEqualTo("new firmware");
            assertThat(rules.offerFor("Acme 1.0")).contains(List.of(DigestAlgorithm.SHA_256));
            assertThat(rules.offerFor("baresip v1.0.0 (x86_64/linux)")).as("the old rule is gone").isEmpty();
        }
    }

    @BothEngines
    void badRulesAre400NamingTheFieldAndNothingChanges(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                    {"{}", "rules"},
                    {"{\"rules\":[{\"user_agent_pattern\":\"([x\",\"algorithms\":\"md5\"}]}", "rules[0].user_agent_pattern"},
                    {"{\"rules\":[{\"user_agent_pattern\":\"ok\",\"algorithms\":\"md5\"},"
                            + "{\"user_agent_pattern\":\"ok\",\"algorithms\":\"sha1\"}]}", "rules[1].algorithms"},
                    {"{\"rules\":[{\"user_agent_pattern\":\"ok\",\"algorithms\":\"md5\",\"order\":1}]}", "order"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("PUT", PATH, token, c[0]);
                assertThat(r.statusCode()).as("PUT %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("PUT %s", c[0]).isEqualTo(c[1]);
            }
            assertThat(json(api.send("GET", PATH, token, null))).as("nothing saved")
                    .hasSize(DigestRuleSeed.defaults().size());
        }
    }

    @BothEngines
    void theRoutesNeedALoginAndAreDocumented(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            assertThat(api.send("GET", PATH, null, null).statusCode()).isEqualTo(401);
            assertThat(api.send("PUT", PATH, null, "{\"rules\":[]}").statusCode()).isEqualTo(401);
            assertThat(api.server.openApi().operations())
                    .contains(new RouteKey("GET", PATH), new RouteKey("PUT", PATH));
        }
    }
}
