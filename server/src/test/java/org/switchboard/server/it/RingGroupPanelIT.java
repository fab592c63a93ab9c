package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ring groups in headless Debian Chromium on a whole node: an admin adds a hunt group on the ring
 * groups page, sees the API's complaint about a member that is no extension next to the members,
 * corrects it, picks voicemail as the final action, and finds the group again after a reload,
 * stored as typed; the node's dial plan then sends a number to the group, and its test endpoint
 * explains the call (the module's kind is wired). One node and one browser; one test thread.
 */
class RingGroupPanelIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @AutoClose
    private static PanelNode ui;

    @BeforeAll
    static void start() throws Exception {
        ui = PanelNode.start(dir, """
                extensions:
                  - {number: "2001", name: Ann, password: panel-secret-2001}
                  - {number: "2002", name: Bob, password: panel-secret-2002}
                """);
    }

    @Test
    void aGroupMadeInThePanelIsStoredAndTheDialPlanRingsIt() throws Exception {
        ChromeDriver browser = ui.browser();
        WebDriverWait wait = ui.await();
        PanelChromium panel = ui.panel();
        ApiClient api = ui.api();
        panel.open("/ring-groups");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups-status"), "0 ring groups"));
        browser.findElement(By.id("add-group")).click();
        browser.findElement(By.name("name")).sendKeys("support");
        new Select(browser.findElement(By.name("strategy"))).selectByValue("hunt");
        browser.findElement(By.name("members")).sendKeys("2001, 2999");
        browser.findElement(By.name("ring_seconds")).clear();
        browser.findElement(By.name("ring_seconds")).sendKeys("15");
        new Select(browser.findElement(By.name("final_action.action"))).selectByValue("voicemail");
        browser.findElement(By.name("final_action.target")).sendKeys("2001");
        browser.findElement(By.cssSelector("#group-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-members-error"), "members[1]"));
        panel.screenshot("ring-group-member-refused");
        browser.findElement(By.name("members")).clear();
        browser.findElement(By.name("members")).sendKeys("2001, 2002");
        browser.findElement(By.cssSelector("#group-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups-status"), "Ring group support added."));

        browser.navigate().refresh();
        By row = By.cssSelector("#groups tr[data-name='support']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "2001, 2002"));
        assertThat(browser.findElement(row).getText()).contains("hunt", "15 s", "voicemail 2001");
        JsonNode stored = JSON.readTree(api.get("/api/ring-groups/support").body());
        assertThat(stored.get("members").toString()).isEqualTo("[\"2001\",\"2002\"]");
        assertThat(stored.at("/final_action/action").asText()).isEqualTo("voicemail");
        panel.screenshot("ring-group-saved");

        assertThat(api.post("/api/dialplan/rules", """
                {"priority":50,"name":"support","pattern":"600","action":"ring_group","target":"support"}""").statusCode())
                .isEqualTo(201);
        JsonNode test = JSON.readTree(api.get("/api/dialplan/test?from=2002&to=600").body());
        assertThat(test.at("/route/type").asText()).isEqualTo("ring_group");
        assertThat(test.at("/plan/kind").asText()).as("nobody registered: the final action").isEqualTo("voicemail");
        assertThat(test.at("/plan/steps/0/outcome").asText()).isEqualTo("ring_group support: members 2001, 2002 in turn, 15 s each");
    }
}
