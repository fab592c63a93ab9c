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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Paging zones in headless Debian Chromium on a whole node: an admin adds a zone, sees the API's
 * complaint about a member that is no extension beside the members list, corrects it, finds the
 * zone after a reload as typed, edits its longest page and finally deletes it; each step is checked
 * against the REST API, which reads the database. One node and one browser; one test thread.
 */
class PagingPanelIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @AutoClose
    private static PanelNode ui;

    @BeforeAll
    static void start() throws Exception {
        ui = PanelNode.start(dir, """
                extensions:
                  - {number: "2101", name: Ann, password: panel-secret-2101}
                  - {number: "2102", name: Bob, password: panel-secret-2102}
                """);
    }

    @Test
    void aZoneMadeInThePanelIsStoredEditedAndDeleted() throws Exception {
        ChromeDriver browser = ui.browser();
        WebDriverWait wait = ui.await();
        PanelChromium panel = ui.panel();
        ApiClient api = ui.api();
        panel.open("/paging");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("zones-status"), "0 paging zones"));
        browser.findElement(By.id("add-zone")).click();
        browser.findElement(By.name("name")).sendKeys("warehouse");
        browser.findElement(By.name("number")).sendKeys("650");
        browser.findElement(By.name("members")).sendKeys("2101, 2999");
        browser.findElement(By.cssSelector("#zone-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-members-error"), "members[1]"));
        assertThat(api.get("/api/paging-zones/warehouse").statusCode()).as("a refused zone is not stored").isEqualTo(404);
        browser.findElement(By.name("members")).clear();
        browser.findElement(By.name("members")).sendKeys("2101, 2102");
        browser.findElement(By.cssSelector("#zone-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("zones-status"), "Paging zone warehouse added."));

        browser.navigate().refresh();
        By row = By.cssSelector("#zones tr[data-name='warehouse']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "2101, 2102"));
        assertThat(browser.findElement(row).getText()).contains("650", "yes", "60 s");
        JsonNode stored = JSON.readTree(api.get("/api/paging-zones/warehouse").body());
        assertThat(stored.get("members").toString()).isEqualTo("[\"2101\",\"2102\"]");
        assertThat(stored.get("number").asText()).isEqualTo("650");
        panel.screenshot("paging-zone-saved");

        browser.findElement(By.cssSelector("button[aria-label='Edit paging zone warehouse']")).click();
        browser.findElement(By.name("max_seconds")).clear();
        browser.findElement(By.name("max_seconds")).sendKeys("30");
        browser.findElement(By.name("beep")).click();
        browser.findElement(By.cssSelector("#zone-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("zones-status"), "Paging zone warehouse saved."));
        stored = JSON.readTree(api.get("/api/paging-zones/warehouse").body());
        assertThat(stored.get("max_seconds").asInt()).isEqualTo(30);
        assertThat(stored.get("beep").asBoolean()).isFalse();

        browser.findElement(By.cssSelector("button[aria-label='Delete paging zone warehouse']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-delete"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("zones-status"), "Paging zone warehouse deleted."));
        assertThat(api.get("/api/paging-zones/warehouse").statusCode()).isEqualTo(404);
    }
}
