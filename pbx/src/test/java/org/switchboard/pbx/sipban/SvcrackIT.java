package org.switchboard.pbx.sipban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.transport.InboundLimits;
import org.switchboard.store.testkit.TestDatabases;

/**
 * sipvicious' svcrack against a registrar on 127.0.0.1 with a 2,000-word list whose 50th word is
 * the extension's password (what found a password in 0.73 s before): with the default thresholds
 * the scanner is held off, then banned within them, and never reaches the right word. The control
 * run without a ban threshold proves svcrack does find the word against this registrar, so the
 * first test fails when the defence is gone.
 */
class SvcrackIT {
    private static final String PASSWORD = "sunflower-2026";
    private static final int RIGHT_WORD = 50;

    @TempDir
    Path work;

    @Test
    void svcrackIsBannedWithinTheThresholdAndNeverReachesTheRightWord() throws Exception {
        try (GuardedRegistrar node = new GuardedRegistrar(TestDatabases.sqlite(), InboundLimits.UNLIMITED,
                SipBanSettings.DEFAULTS)) {
            node.addExtension("1001", PASSWORD);

            String output = svcrack(node.port(), "1001");

            assertThat(output).as("svcrack output").doesNotContain("The password for").doesNotContain(PASSWORD);
            assertThat(node.bans.isBlocked(InetAddress.getLoopbackAddress())).as("127.0.0.1 banned").isTrue();
            assertThat(node.bans.list()).singleElement().satisfies(b -> {
                assertThat(b.address()).isEqualTo("127.0.0.1");
                assertThat(b.failures()).isEqualTo(SipBanSettings.DEFAULTS.banAfter());
            });
            assertThat(node.authFailures()).as("wrong guesses that reached the registrar")
                    .isLessThan(RIGHT_WORD - 1);
            assertThat(node.sourceGuard.counters().droppedBanned()).as("requests dropped after the ban").isPositive();
            assertThat(node.registrar.location().lookup("1001")).isEmpty();
        }
    }

    @Test
    void withoutABanThresholdSvcrackFindsTheWordAgainstThisRegistrar() throws Exception {
        SipBanSettings never = new SipBanSettings(1_000_000, 1_000_000, Duration.ofMinutes(10), Duration.ofHours(1),
                Duration.ZERO, 1_000_000, Duration.ofSeconds(5));
        try (GuardedRegistrar node = new GuardedRegistrar(TestDatabases.sqlite(), InboundLimits.UNLIMITED, never)) {
            node.addExtension("1001", PASSWORD);

            String output = svcrack(node.port(), "1001");

            assertThat(output).as("svcrack output").contains(PASSWORD);
        }
    }

    /** Runs svcrack against 127.0.0.1:port for {@code extension}; returns everything it printed. */
    private String svcrack(int port, String extension) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            words.add(i == RIGHT_WORD ? PASSWORD : "guess" + i);
        }
        Path dictionary = Files.write(work.resolve("words.txt"), words);
        Path out = work.resolve("svcrack.log");
        Process svcrack = new ProcessBuilder(command(), "-u", extension, "-d", dictionary.toString(),
                "-p", Integer.toString(port), "-P", Integer.toString(FreePorts.udpAndTcp()), "-b", "127.0.0.1",
                "127.0.0.1")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            if (!svcrack.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("svcrack did not end within 120 s: " + Files.readString(out));
            }
        } finally {
            if (svcrack.isAlive()) {
                svcrack.destroyForcibly();
            }
        }
        return Files.readString(out);
    }

    /** Debian names it svcrack; upstream's pip package sipvicious_svcrack. */
    private static String command() {
        return Files.isExecutable(Path.of("/usr/bin/svcrack")) ? "svcrack" : "sipvicious_svcrack";
    }
}
