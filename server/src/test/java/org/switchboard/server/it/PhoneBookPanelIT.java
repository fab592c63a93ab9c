package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
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
 * The phone book in headless Debian Chromium on a whole node: a contact added with a number the
 * API refuses shows the complaint at that number, is stored once corrected (read through the API),
 * a CSV file with a bad line imports nothing and names the line, a good vCard file replaces the
 * book, and a deleted contact is gone. One node and one browser; one test thread.
 */
class PhoneBookPanelIT {
    @TempDir
    static Path dir;

    @AutoClose
    private static PanelNode ui;

    @BeforeAll
    static void start() throws Exception {
        ui = PanelNode.start(dir, "");
    }

    @Test
    void contactsAreAddedImportedAndDeletedInThePanel() throws Exception {
        ChromeDriver browser = ui.browser();
        WebDriverWait wait = ui.await();
        PanelChromium panel = ui.panel();
        ApiClient api = ui.api();
        panel.open("/phonebook");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contacts-status"), "0 contacts"));
        browser.findElement(By.id("add-contact")).click();
        browser.findElement(By.name("first_name")).sendKeys("Jane");
        browser.findElement(By.name("last_name")).sendKeys("Doe");
        browser.findElement(By.name("office")).sendKeys("call me");
        browser.findElement(By.cssSelector("#contact-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-office-error"), "must be a phone number"));
        browser.findElement(By.name("office")).clear();
        browser.findElement(By.name("office")).sendKeys("+1 555 010 2000");
        browser.findElement(By.cssSelector("#contact-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contacts-status"), "The contact Jane Doe is added."));
        JsonNode stored = api.getJson("/api/phonebook");
        assertThat(stored).hasSize(1);
        assertThat(stored.at("/0/office").asText()).isEqualTo("+1 555 010 2000");

        Path badCsv = Files.writeString(dir.resolve("contacts.csv"), "last_name,mobile\nRoe,0170 1\nPoe,no number\n");
        browser.findElement(By.name("file")).sendKeys(badCsv.toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-file-error"), "line 3"));
        assertThat(api.getJson("/api/phonebook")).as("nothing imported").hasSize(1);

        Path cards = Files.writeString(dir.resolve("contacts.vcf"), """
                BEGIN:VCARD
                VERSION:3.0
                N:Smith;Ann;;;
                TEL;TYPE=cell:+15550109000
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Reception
                TEL:100
                END:VCARD
                """);
        browser.findElement(By.name("file")).sendKeys(cards.toString());
        new Select(browser.findElement(By.name("mode"))).selectByValue("replace");
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"),
                "2 contacts imported; the phone book has 2."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contacts-status"), "2 contacts"));
        assertThat(browser.findElement(By.id("contacts")).getText()).contains("Ann Smith", "Reception").doesNotContain("Jane Doe");
        panel.screenshot("phone-book");

        browser.findElement(By.cssSelector("button[aria-label='Delete contact Reception']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-delete"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contacts-status"), "The contact Reception is deleted."));
        JsonNode left = api.getJson("/api/phonebook");
        assertThat(left).hasSize(1);
        assertThat(left.at("/0/name").asText()).isEqualTo("Ann Smith");
    }
}
