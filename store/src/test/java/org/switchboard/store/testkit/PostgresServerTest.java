package org.switchboard.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PostgresServerTest {

    @Test
    void unreachableServerSkipsNamingTheUrlOrFailsOnCi() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres";

        Optional<PostgresServer> server = PostgresServer.connect(url, "postgres", "");

        assertThat(server).isEmpty();
        assertThatThrownBy(() -> PostgresServer.require(server, false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining(url);
        assertThatThrownBy(() -> PostgresServer.require(server, true))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining(url).hasMessageContaining("CI=true");
    }
}
