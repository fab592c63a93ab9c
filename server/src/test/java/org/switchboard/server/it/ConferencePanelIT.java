package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.server.wiring.Server;
import org.switchboard.store.testkit.Teardown;

/**
 * Issue 16 in headless Debian Chromium: an admin adds a conference room on the Conferences page, sees the API's
 * complaint about the maximum next to that field, corrects it, and finds the room again after a reload, stored as
 * typed. (Callers in a room over the API: {@code ConferenceAudioIT}.) One node and one browser; one test thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConferencePanelIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();
    private Server server;
    private ApiClient api;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private PanelChromium panel;

    @BeforeAll
    void start() throws Exception {
        TestNode node = opened.add(TestNode.start(dir, ""));
        server = node.server();
        api = node.api();
        panel = opened.add(PanelChromium.loggedIn(server.httpPort(), dir.resolve("chromium")));
        browser = panel.browser();
        wait = panel.await();
    }

    @Test
    void aRoomMadeInThePanelIsStoredAndShownAfterAReload() throws Exception {
        panel.open("/conferences");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conferences-status"), "No room yet."));
        browser.findElement(By.name("name")).sendKeys("board");
        browser.findElement(By.name("number")).sendKeys("810");
        browser.findElement(By.name("pin")).sendKeys("2468");
        browser.findElement(By.name("max_participants")).clear();
        browser.findElement(By.name("max_participants")).sendKeys("1");
        browser.findElement(By.cssSelector("#conference-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-max_participants-error"), "between 2 and"));
        panel.screenshot("conference-max-refused");
        browser.findElement(By.name("max_participants")).clear();
        browser.findElement(By.name("max_participants")).sendKeys("8");
        browser.findElement(By.cssSelector("#conference-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conferences-status"), "Room board saved."));

        browser.navigate().refresh();
        By row = By.cssSelector("#conferences tr[data-room='board']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "2468"));
        assertThat(browser.findElement(row).getText()).contains("810", "8");
        JsonNode stored = JSON.readTree(api.get("/api/conferences/board").body());
        assertThat(stored.get("pin").asText()).isEqualTo("2468");
        assertThat(stored.get("max_participants").asInt()).isEqualTo(8);
        assertThat(stored.get("number").asText()).isEqualTo("810");
        assertThat(browser.findElement(By.cssSelector("nav a[href='#/conferences']")).isDisplayed())
                .as("the nav offers the page").isTrue();
        panel.screenshot("conference-saved");
    }
}
