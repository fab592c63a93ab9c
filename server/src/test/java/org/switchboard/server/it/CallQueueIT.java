package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Issue 16, call queues with real SIPp phones on a whole node: twenty callers dial 600, a dial-plan
 * rule {@code {"action":"queue","target":"sales"}} made through the API; the PBX answers each, and
 * the queue offers them round robin to five registered SIPp agents, each of which answers, talks
 * for a second and hangs up; a one-second wrap-up follows each call. Beside it: an agent who does not
 * answer is passed over for the next one (not sent to its voicemail), a caller past the longest wait is
 * hung up, an agent logs out and in by feature code. One node for the class (SQLite).
 */
class CallQueueIT {
    private static final String PASSWORD = "queue-it-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> AGENTS = List.of("2001", "2002", "2003", "2004", "2005");
    private static final int CALLERS = 20;

    @TempDir
    static Path dir;

    private static TestDatabase database;
    private static Server server;
    private static ApiClient api;

    @BeforeAll
    static void startNode() throws Exception {
        database = TestDatabases.sqlite();
        server = Server.start(NodeConfig.load(dir, database, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                rtp: {port_min: 31500, port_max: 31699}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "1001", name: Caller, password: %1$s}
                  - {number: "2001", name: Agent One, password: %1$s}
                  - {number: "2002", name: Agent Two, password: %1$s}
                  - {number: "2003", name: Agent Three, password: %1$s}
                  - {number: "2004", name: Agent Four, password: %1$s}
                  - {number: "2005", name: Agent Five, password: %1$s}
                  - {number: "2006", name: Agent Six, password: %1$s}
                  - {number: "1002", name: Second Caller, password: %1$s}
                  - {number: "1003", name: Third Caller, password: %1$s}
                  - {number: "2007", name: Agent Seven, password: %1$s}
                  - {number: "2008", name: Agent Eight, password: %1$s}
                  - {number: "2009", name: Agent Nine, password: %1$s}
                  - {number: "1004", name: Fourth Caller, password: %1$s}
                  - {number: "1005", name: Fifth Caller, password: %1$s}
                  - {number: "2010", name: Agent Ten, password: %1$s}
                  - {number: "2011", name: Agent Eleven, password: %1$s}
                """.formatted(PASSWORD)), Clock.systemUTC(), "test");
        api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
        created(api.post("/api/queues", """
                {"name":"sales","strategy":"round_robin","members":["2001","2002","2003","2004","2005"],
                 "ring_seconds":10,"wrap_up_seconds":1,"max_wait_seconds":120,"announce_seconds":5,
                 "timeout_action":{"action":"extension","target":"2006"}}"""));
        created(api.post("/api/queues", """
                {"name":"support","strategy":"linear","members":["2006"]}"""));
        created(api.post("/api/queues", """
                {"name":"desk","strategy":"linear","members":["2007","2008"],"ring_seconds":5}"""));
        created(api.post("/api/queues", """
                {"name":"late","strategy":"linear","members":["2009"],"max_wait_seconds":2}"""));
        created(api.post("/api/dialplan/rules", """
                {"priority":35,"name":"sales queue","pattern":"600","action":"queue","target":"sales"}"""));
        created(api.post("/api/dialplan/rules", """
                {"priority":38,"name":"desk queue","pattern":"601","action":"queue","target":"desk"}"""));
        created(api.post("/api/queues", """
                {"name":"vm","members":["2009"],"voicemail_exit":{"digit":"5","box":"2009"}}"""));
        created(api.post("/api/dialplan/rules", """
                {"priority":39,"name":"late queue","pattern":"602","action":"queue","target":"late"}"""));
        created(api.post("/api/dialplan/rules", """
                {"priority":40,"name":"vm queue","pattern":"603","action":"queue","target":"vm"}"""));
        created(api.post("/api/queues", """
                {"name":"french","strategy":"skills","members":["2010","2011"],"skill_requirements":{"french":2}}"""));
        created(api.post("/api/dialplan/rules", """
                {"priority":41,"name":"french queue","pattern":"604","action":"queue","target":"french"}"""));
        assertThat(api.put("/api/queue-agents/2010", "{\"skills\":{\"french\":2}}").statusCode()).isEqualTo(200);
        assertThat(api.put("/api/queue-agents/2011", "{\"skills\":{\"french\":5}}").statusCode()).isEqualTo(200);
        created(api.post("/api/dialplan/rules", """
                {"priority":36,"name":"agent logout","pattern":"\\\\*46","action":"queue_agent","target":"logout"}"""));
        created(api.post("/api/dialplan/rules", """
                {"priority":37,"name":"agent login","pattern":"\\\\*45","action":"queue_agent","target":"login"}"""));
    }

    @AfterAll
    static void stopNode() {
        if (server != null) {
            server.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twentyCallersAreEachAnsweredByTheNextAgentInTurnAndTheStatisticsSaySo() throws Exception {
        List<Sipp.Running> agents = new ArrayList<>();
        try {
            for (String agent : AGENTS) {
                agents.add(registeredAgent(agent, "uas_agent_answer_then_bye.xml", CALLERS / AGENTS.size()));
            }
            queueCaller("600", "1001").calls(CALLERS).rate(CALLERS).run()
                    .assertAllCallsSucceeded("20 callers dial the queue, are answered by the PBX, bridged to an agent and "
                            + "hung up by it");
            for (int i = 0; i < agents.size(); i++) {
                agents.get(i).awaitResult().assertAllCallsSucceeded("agent " + AGENTS.get(i)
                        + " is offered exactly 4 callers (round robin over 5 free agents), answers each and hangs up");
            }
        } finally {
            agents.forEach(Sipp.Running::stop);
        }

        List<JsonNode> cdrs = await().atMost(Duration.ofSeconds(10)).until(() -> endedCallsOf("1001"), rows -> rows.size() == CALLERS);
        Map<String, Integer> byAgent = new HashMap<>();
        for (JsonNode cdr : cdrs) {
            assertThat(cdr.get("disposition").asText()).as("CDR %s", cdr).isEqualTo("ANSWERED");
            byAgent.merge(cdr.get("callee").asText(), 1, Integer::sum);
        }
        assertThat(byAgent).as("CDR callees").isEqualTo(Map.of("2001", 4, "2002", 4, "2003", 4, "2004", 4, "2005", 4));

        JsonNode stats = await().atMost(Duration.ofSeconds(5)).until(() -> JSON.readTree(api.get("/api/queues/sales/stats").body()),
                s -> s.at("/agents_by_state/available").asInt() == AGENTS.size());
        assertThat(stats.get("answered").asInt()).as("stats %s", stats).isEqualTo(CALLERS);
        assertThat(stats.get("abandoned").asInt()).isZero();
        assertThat(stats.get("timed_out").asInt()).isZero();
        assertThat(stats.get("waiting").asInt()).isZero();
        assertThat(stats.get("longest_wait_seconds").asInt()).isZero();
        for (JsonNode agent : stats.get("agents")) {
            assertThat(agent.get("answered").asInt()).as("stats of %s", agent).isEqualTo(4);
        }
        JsonNode outcomes = await().atMost(Duration.ofSeconds(5)).until(() -> JSON.readTree(api.get("/api/queues/sales/calls").body()),
                rows -> rows.size() == CALLERS);
        assertThat(outcomes.findValuesAsText("outcome")).as("queue outcomes %s", outcomes).hasSize(CALLERS).containsOnly("answered");
        assertThat(outcomes.findValuesAsText("call_id")).as("one per CDR")
                .containsExactlyInAnyOrderElementsOf(cdrs.stream().map(c -> c.get("call_id").asText()).toList());
    }

    @Test
    void anAgentWhoDoesNotAnswerIsPassedOverForTheNextAgentNotSentToItsVoicemail() throws Exception {
        Sipp.Running ringing = registeredAgent("2007", "uas_ring.xml", 1);
        Sipp.Running answering = registeredAgent("2008", "uas_agent_answer_then_bye.xml", 1);
        try {
            queueCaller("601", "1002").run().assertAllCallsSucceeded("1002 waits in desk until 2008 answers and hangs up");
            ringing.awaitResult().assertAllCallsSucceeded("2007 rings for the queue's 5 s and is cancelled");
            answering.awaitResult().assertAllCallsSucceeded("2008, next in line, answers");
        } finally {
            ringing.stop();
            answering.stop();
        }

        JsonNode cdr = await().atMost(Duration.ofSeconds(10)).until(() -> endedCallsOf("1002"), rows -> rows.size() == 1).getFirst();
        assertThat(cdr.get("callee").asText()).as("CDR %s: not 2007's voicemail", cdr).isEqualTo("2008");
        assertThat(cdr.get("disposition").asText()).isEqualTo("ANSWERED");
    }

    @Test
    void aCallerPastTheLongestWaitWithoutATimeoutActionIsHungUp() throws Exception {
        queueCaller("602", "1003").run().assertAllCallsSucceeded("1003 waits in late, whose agent has no phone, and gets BYE");

        JsonNode cdr = await().atMost(Duration.ofSeconds(10)).until(() -> endedCallsOf("1003"), rows -> rows.size() == 1).getFirst();
        assertThat(cdr.get("hangup_cause").asText()).as("CDR %s", cdr).isEqualTo("queue late: timeout");
        JsonNode stats = JSON.readTree(api.get("/api/queues/late/stats").body());
        assertThat(stats.get("timed_out").asInt()).as("stats %s", stats).isEqualTo(1);
        assertThat(stats.get("waiting").asInt()).isZero();
        assertThat(stats.at("/agents_by_state/unreachable").asInt()).isEqualTo(1);
        JsonNode outcome = await().atMost(Duration.ofSeconds(5)).until(() -> JSON.readTree(api.get("/api/queues/late/calls").body()),
                rows -> rows.size() == 1).get(0);
        assertThat(outcome.get("outcome").asText()).as("outcome %s", outcome).isEqualTo("timeout");
        assertThat(outcome.get("call_id").asText()).isEqualTo(cdr.get("call_id").asText());
        assertThat(outcome.get("wait_seconds").asInt()).isBetween(2, 3);
    }

    @Test
    void theQueuesVoicemailKeyTakesTheCallerToTheBox() throws Exception {
        Sipp.scenario("uac_attendant_info_key_then_bye.xml").target(server.sipPort()).runLimitSeconds(30)
                .option("-s", "603", "-au", "1004", "-ap", PASSWORD, "-auth_uri", "603@127.0.0.1:" + server.sipPort())
                .key("caller", "1004").key("digit1", "5").run()
                .assertAllCallsSucceeded("1004 waits in vm, presses 5 by SIP INFO, stays on the line and hangs up");

        JsonNode outcome = await().atMost(Duration.ofSeconds(5)).until(() -> JSON.readTree(api.get("/api/queues/vm/calls").body()),
                rows -> rows.size() == 1).get(0);
        assertThat(outcome.get("outcome").asText()).as("outcome %s", outcome).isEqualTo("voicemail");
        JsonNode stats = JSON.readTree(api.get("/api/queues/vm/stats").body());
        assertThat(stats.get("voicemail").asInt()).as("stats %s", stats).isEqualTo(1);
        assertThat(stats.get("abandoned").asInt()).as("left by the key, not abandoned").isZero();
    }

    @Test
    void theSkillsStrategyOffersTheCallerToTheMostSkilledFreeAgent() throws Exception {
        // both answer when offered: only the picker decides who takes the caller
        Sipp.Running lessSkilled = registeredAgent("2010", "uas_agent_answer_then_bye.xml", 1);
        Sipp.Running moreSkilled = registeredAgent("2011", "uas_agent_answer_then_bye.xml", 1);
        try {
            queueCaller("604", "1005").run().assertAllCallsSucceeded("1005 waits in french until an agent answers and hangs up");
            moreSkilled.awaitResult().assertAllCallsSucceeded("2011, french 5, is offered the caller and answers");
        } finally {
            lessSkilled.stop();
            moreSkilled.stop();
        }

        JsonNode cdr = await().atMost(Duration.ofSeconds(10)).until(() -> endedCallsOf("1005"), rows -> rows.size() == 1).getFirst();
        assertThat(cdr.get("callee").asText()).as("CDR %s", cdr).isEqualTo("2011");
    }

    @Test
    void anAgentLogsOutAndInByFeatureCodeAndTheQueueSeesIt() throws Exception {
        featureCode("*46", "2006");
        assertThat(agentState("2006")).isEqualTo("logged_out");
        assertThat(JSON.readTree(api.get("/api/queue-agents").body()).findValues("logged_in").stream()
                .filter(v -> !v.asBoolean()).count()).isEqualTo(1);

        featureCode("*45", "2006");
        assertThat(agentState("2006")).as("logged in but with no phone registered").isEqualTo("unreachable");
    }

    /** {@code agent} dials {@code code}; the PBX answers with a final refusal (603 once the change is applied). */
    private static void featureCode(String code, String agent) throws Exception {
        Sipp.scenario("uac_refused.xml").target(server.sipPort()).runLimitSeconds(15)
                .option("-s", code, "-au", agent, "-ap", PASSWORD, "-auth_uri", code + "@127.0.0.1:" + server.sipPort())
                .key("caller", agent).key("codec", "0").key("sdp_ip", "127.0.0.1").run()
                .assertAllCallsSucceeded(agent + " dials " + code + " and is refused: the change needs no call");
    }

    private static String agentState(String agent) throws Exception {
        for (JsonNode a : JSON.readTree(api.get("/api/queues/support/stats").body()).get("agents")) {
            if (a.get("extension").asText().equals(agent)) {
                return a.get("state").asText();
            }
        }
        throw new AssertionError("no agent " + agent);
    }

    /** A caller phone of extension {@code caller} dialling {@code number}, which stays on the line until hung up. */
    private static Sipp queueCaller(String number, String caller) {
        return Sipp.scenario("uac_until_hung_up.xml").target(server.sipPort()).runLimitSeconds(60)
                .option("-s", number, "-au", caller, "-ap", PASSWORD, "-auth_uri", number + "@127.0.0.1:" + server.sipPort())
                .key("caller", caller);
    }

    /** {@code agent} registers from a SIPp phone that then takes {@code calls} calls as {@code scenario} says. */
    private static Sipp.Running registeredAgent(String agent, String scenario, int calls) throws Exception {
        int port = FreePorts.udpAndTcp();
        Sipp.scenario("register.xml").target(server.sipPort()).localPort(port).credentials(agent, PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER " + agent + " from SIPp");
        Sipp.Running phone = Sipp.scenario(scenario).localPort(port).calls(calls)
                .key("rtp_port", Integer.toString(FreePorts.udpAndTcp())).runLimitSeconds(60).start();
        awaitListening(port);
        return phone;
    }

    private static List<JsonNode> endedCallsOf(String caller) throws IOException, InterruptedException {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode row : JSON.readTree(api.get("/api/cdr?limit=100").body()).get("items")) {
            if (row.get("caller").asText().equals(caller) && !row.get("status").asText().equals("open")) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static void created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("set-up: %s", r.body()).isEqualTo(201);
    }

    private static void awaitListening(int port) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            try {
                new DatagramSocket(port, InetAddress.getLoopbackAddress()).close();
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
    }
}
