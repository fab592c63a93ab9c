package org.switchboard.server.it;

import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.store.testkit.Teardown;

/**
 * What a panel IT starts with: a {@link TestNode} and headless Chromium logged in to its panel,
 * closed in the reverse order. One per class, set in its {@code @BeforeAll} into an {@code
 * @AutoClose static} field; used by one test thread.
 */
final class PanelNode implements AutoCloseable {
    private final Teardown opened;
    private final TestNode node;
    private final PanelChromium panel;

    private PanelNode(Teardown opened, TestNode node, PanelChromium panel) {
        this.opened = opened;
        this.node = node;
        this.panel = panel;
    }

    /** A node of {@link TestNode#BASE} plus {@code moreYaml}, data and the browser's profile in {@code dir}. */
    static PanelNode start(Path dir, String moreYaml) throws Exception {
        return Teardown.opening(opened -> {
            TestNode node = opened.add(TestNode.start(dir, moreYaml));
            PanelChromium panel = opened.add(PanelChromium.loggedIn(node.server().httpPort(), dir.resolve("chromium")));
            return new PanelNode(opened, node, panel);
        });
    }

    TestNode node() {
        return node;
    }

    /** The REST client, logged in as {@link TestNode#ADMIN}. */
    ApiClient api() {
        return node.api();
    }

    PanelChromium panel() {
        return panel;
    }

    ChromeDriver browser() {
        return panel.browser();
    }

    /** Waits at most {@link PanelChromium#WAIT}. */
    WebDriverWait await() {
        return panel.await();
    }

    /** Closes the browser, then the node. */
    @Override
    public void close() throws Exception {
        opened.close();
    }
}
