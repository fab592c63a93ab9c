package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.switchboard.api.auth.AdminNode;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.store.testkit.Teardown;

/**
 * The panel's admins page and roles in headless Chromium against a real server over SQLite: an
 * administrator adds an operator, a read-only admin is refused a change, and an admin turns on an
 * authenticator app and then logs in with its code.
 */
class PanelAdminsIT {
    @AutoClose
    private static final Teardown opened = new Teardown();
    private static AdminNode node;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        node = opened.add(new AdminNode());
        browser = opened.add(new PanelBrowser(node.api.server.port()));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    private void logInAs(String username, String password) {
        browser.openLoginPage();
        browser.type(By.name("username"), username);
        browser.type(By.name("password"), password);
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    @Test
    void anAdministratorAddsAnOperatorOnTheAdminsPage() {
        logInAs(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD);
        browser.waitFor(By.id("health-title"));
        browser.openPage("#/admins", By.id("admin-users"));

        browser.type(By.cssSelector("#new-admin [name=username]"), "ops");
        browser.type(By.cssSelector("#new-admin [name=password]"), "short");
        browser.waitFor(By.cssSelector("#new-admin [name=role] option[value=operator]")).click();
        browser.driver.findElement(By.cssSelector("#new-admin button[type=submit]")).click();
        browser.waitForText(By.id("f-password-error"), "at least 8");

        browser.type(By.cssSelector("#new-admin [name=password]"), "ops-password");
        browser.driver.findElement(By.cssSelector("#new-admin button[type=submit]")).click();
        browser.waitFor(By.cssSelector("#admin-users tr[data-username=ops]"));
        browser.screenshot("adminsOperatorAdded");

        JsonNode ops = ApiFixture.json(node.send("GET", "/api/admin/users/ops",
                node.token(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD), null));
        assertThat(ops.get("role").asText()).isEqualTo("operator");
        assertThat(node.token("ops", "ops-password")).as("the new operator can log in").isNotEmpty();
    }

    @Test
    void aReadOnlyAdminSeesNoDeleteButtonsAndIsRefusedAChange() {
        String admin = node.token(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD);
        node.send("POST", "/api/extensions", admin, "{\"number\":\"1001\",\"name\":\"Front desk\",\"password\":\"secret-1001\"}");
        node.account(admin, "viewer", "read_only");
        logInAs("viewer", "viewer-password");
        browser.waitFor(By.id("health-title"));
        browser.waitFor(By.id("read-only-banner"));

        browser.openPage("#/extensions", By.cssSelector("#extensions tr[data-number='1001']"));
        assertThat(browser.driver.findElement(By.cssSelector("button[aria-label='Delete extension 1001']")).isDisplayed())
                .as("no delete button for a read-only admin").isFalse();
        browser.waitFor(By.id("add-extension")).click();
        browser.type(By.name("number"), "1002");
        browser.type(By.name("name"), "Back office");
        browser.type(By.name("password"), "secret-1002");
        browser.driver.findElement(By.cssSelector("#extension-form button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#extension-form .alert"), "read_only may not POST");
        browser.screenshot("readOnlyRefused");

        assertThat(node.send("GET", "/api/extensions/1002", admin, null).statusCode()).isEqualTo(404);
        assertThat(browser.driver.findElements(By.cssSelector("nav a[href='#/admins']"))).as("its own MFA page is offered")
                .isNotEmpty();
    }

    @Test
    void anAdminTurnsOnAnAuthenticatorAppAndThenLogsInWithItsCode() {
        String admin = node.token(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD);
        node.account(admin, "second", "administrator");
        logInAs("second", "second-password");
        browser.waitFor(By.id("health-title"));
        browser.openPage("#/admins", By.id("mfa-enrol"));

        browser.waitFor(By.id("mfa-enrol")).click();
        String secret = browser.waitFor(By.id("mfa-secret")).getText();
        assertThat(browser.text(By.id("mfa-uri"))).startsWith("otpauth://totp/Switchboard:second?secret=" + secret);
        browser.type(By.cssSelector("#mfa-confirm [name=code]"), node.code(secret, 0));
        browser.driver.findElement(By.cssSelector("#mfa-confirm button[type=submit]")).click();
        browser.waitForCount(By.cssSelector("#recovery-codes li"), 10);
        browser.waitForText(By.id("mfa-status"), "required at login");
        browser.screenshot("mfaRecoveryCodes");

        logInAs("second", "second-password");
        browser.waitForText(By.id("f-totp-error"), "one-time code");
        node.clock.advance(Duration.ofSeconds(30));
        browser.type(By.name("totp"), node.code(secret, 0));
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitFor(By.id("health-title"));
    }
}
