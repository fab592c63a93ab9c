package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An extension's call settings in headless Debian Chromium on a whole node: the extension editor
 * shows the stored forwarding, do-not-disturb and media encryption, the API's complaint about a
 * target the dial plan cannot reach lands next to that target, and the corrected settings are
 * stored as typed (read back through the API) and shown again after a reload. Whether the settings
 * act on calls is proven by the call tests (forwarding, DND, SrtpCallIT). One node, one browser.
 */
class CallSettingsPanelIT {
    @TempDir
    static Path dir;

    @AutoClose
    private static PanelNode ui;

    @BeforeAll
    static void start() throws Exception {
        ui = PanelNode.start(dir, """
                extensions:
                  - {number: "2201", name: Ann, password: panel-secret-2201}
                  - {number: "2202", name: Bob, password: panel-secret-2202}
                """);
    }

    @Test
    void theEditorShowsSavesAndReloadsAnExtensionsCallSettings() throws Exception {
        ChromeDriver browser = ui.browser();
        WebDriverWait wait = ui.await();
        PanelChromium panel = ui.panel();
        ApiClient api = ui.api();
        editExtension2201();
        browser.findElement(By.cssSelector("#call-settings-form input[name='forward_busy.enabled']")).click();
        WebElement busyTarget = browser.findElement(By.cssSelector("#call-settings-form input[name='forward_busy.target']"));
        busyTarget.sendKeys("2201");
        submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cs-f-forward_busy.target-error"),
                "must not be the extension itself"));
        assertThat(api.getJson("/api/extensions/2201/call-settings").at("/forward_busy/enabled").asBoolean())
                .as("refused settings are not stored").isFalse();

        busyTarget.clear();
        busyTarget.sendKeys("2202");
        browser.findElement(By.cssSelector("#call-settings-form input[name=do_not_disturb]")).click();
        new Select(browser.findElement(By.cssSelector("#call-settings-form select[name=media_encryption]"))).selectByValue("require");
        WebElement timeout = browser.findElement(By.cssSelector("#call-settings-form input[name='forward_no_answer.timeout_seconds']"));
        timeout.clear();
        timeout.sendKeys("35");
        submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-settings-status"), "Call settings of 2201 saved."));

        JsonNode stored = api.getJson("/api/extensions/2201/call-settings");
        assertThat(stored.at("/forward_busy/enabled").asBoolean()).as("stored as typed: %s", stored).isTrue();
        assertThat(stored.at("/forward_busy/target").asText()).isEqualTo("2202");
        assertThat(stored.at("/forward_always/enabled").asBoolean()).isFalse();
        assertThat(stored.at("/forward_no_answer/timeout_seconds").asInt()).isEqualTo(35);
        assertThat(stored.get("do_not_disturb").asBoolean()).isTrue();
        assertThat(stored.get("media_encryption").asText()).isEqualTo("require");

        browser.navigate().refresh();
        editExtension2201();
        assertThat(browser.findElement(By.cssSelector("#call-settings-form input[name='forward_busy.target']")).getDomProperty("value"))
                .isEqualTo("2202");
        assertThat(browser.findElement(By.cssSelector("#call-settings-form input[name=do_not_disturb]")).isSelected()).isTrue();
        assertThat(new Select(browser.findElement(By.cssSelector("#call-settings-form select[name=media_encryption]")))
                .getFirstSelectedOption().getDomProperty("value")).isEqualTo("require");
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("call-settings-form")));
        panel.screenshot("extension-call-settings");
    }

    private static void editExtension2201() {
        ui.panel().open("/extensions");
        ui.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Edit extension 2201']"))).click();
        ui.await().until(ExpectedConditions.attributeToBe(By.id("call-settings-form"), "data-loaded", "true"));
    }

    private static void submit() {
        ui.browser().findElement(By.cssSelector("#call-settings-form button[type=submit]")).click();
    }
}
