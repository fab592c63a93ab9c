package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.server.wiring.Server;
import org.switchboard.store.testkit.Teardown;

/**
 * Issue 14 in headless Debian Chromium: an admin uploads a WAV prompt on the prompts page, builds
 * a menu greeting with it on the attendant page, sees the API's complaint about a key's target
 * next to that key, corrects it, and finds the menu again after a reload, stored as typed. One
 * node and one browser for the class; one test thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendantPanelIT {
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
        TestNode node = opened.add(TestNode.start(dir, """
                extensions:
                  - {number: "1002", name: Bob, password: panel-secret-1002}
                """));
        server = node.server();
        api = node.api();
        panel = opened.add(PanelChromium.loggedIn(server.httpPort(), dir.resolve("chromium")));
        browser = panel.browser();
        wait = panel.await();
    }

    @Test
    void anUploadedGreetingAndAMenuMadeInThePanelAreStored() throws Exception {
        short[] samples = new short[8000 * 2];
        Arrays.fill(samples, (short) 500);
        Path wav = dir.resolve("front-desk.wav");
        Files.write(wav, WavFile.write(new PcmAudio(8000, 1, samples)));

        panel.open("/prompts");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prompts-status"), "prompts"));
        browser.findElement(By.name("body")).sendKeys(wav.toString());
        assertThat(browser.findElement(By.name("name")).getAttribute("value")).as("named after the file").isEqualTo("front-desk");
        browser.findElement(By.id("upload-prompt")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prompts-status"), "Prompt front-desk uploaded (2.0 s)"));
        assertThat(browser.findElement(By.cssSelector("#prompts tr[data-name='front-desk']")).getText()).contains("uploaded", "2.0 s");
        panel.screenshot("prompts-after-upload");

        panel.open("/attendant");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("menus-status"), "0 menus"));
        browser.findElement(By.id("add-menu")).click();
        browser.findElement(By.name("name")).sendKeys("main");
        new Select(browser.findElement(By.name("greeting"))).selectByValue("front-desk");
        browser.findElement(By.id("add-option")).click();
        new Select(browser.findElement(By.name("options[0].digit"))).selectByValue("2");
        new Select(browser.findElement(By.name("options[0].action"))).selectByValue("extension");
        browser.findElement(By.name("options[0].target")).sendKeys("front");
        browser.findElement(By.cssSelector("#menu-form button[type=submit]")).click();

        By targetError = By.id("f-options[0].target-error");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(targetError, "digits"));
        panel.screenshot("menu-editor-target-refused");
        browser.findElement(By.name("options[0].target")).clear();
        browser.findElement(By.name("options[0].target")).sendKeys("1002");
        browser.findElement(By.cssSelector("#menu-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("menus-status"), "Menu main added."));

        browser.navigate().refresh();
        By mainRow = By.cssSelector("#menus tr[data-name='main']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(mainRow, "2: extension 1002"));
        assertThat(browser.findElement(mainRow).getText()).contains("front-desk");
        JsonNode stored = JSON.readTree(api.get("/api/ivr/menus/main").body());
        assertThat(stored.get("greeting").asText()).isEqualTo("front-desk");
        assertThat(stored.at("/options/0/target").asText()).isEqualTo("1002");
        panel.screenshot("attendant-menu-saved");
    }
}
