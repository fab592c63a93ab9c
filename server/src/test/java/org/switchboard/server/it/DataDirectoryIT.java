package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar started from a fresh directory the way a new user would (issue 12, item 1): the
 * database in another folder and no {@code ./data} still reaches {@code /api/health}, with every
 * file the server writes under the data directory; a data directory that cannot be used stops the
 * start with exit code 2 and a sentence naming it.
 */
class DataDirectoryIT {
    @TempDir
    Path dir;

    @Test
    void aFreshDirectoryWithTheDatabaseElsewhereStartsAndKeepsItsFilesInTheDataDirectory() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        Path databaseFolder = dir.resolve("elsewhere/db");
        Path config = Files.writeString(dir.resolve("switchboard.yml"), """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0}
                http: {bind: 127.0.0.1, port: 0}
                database: {url: "jdbc:sqlite:%s"}
                """.formatted(databaseFolder.resolve("switchboard.db")));

        ServerProcess server = ServerProcess.launch(work, dir, config, Map.of(), "fresh").awaitStarted();
        try {
            HttpResponse<String> health = new ApiClient(server.httpPort()).get("/api/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);

            Path data = work.resolve("data");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).as("data_dir is owner-only")
                    .isEqualTo("rwx------");
            assertThat(data.resolve("provisioning.key")).as("the key lives in the data directory").isRegularFile();
            assertThat(data.resolve("tls/sip-tls.key")).as("so does the TLS material").isRegularFile();
            assertThat(data.resolve("switchboard.db")).as("the database is where the configuration says").doesNotExist();
            assertThat(databaseFolder.resolve("switchboard.db")).isRegularFile();
            assertThat(server.terminate()).isZero();
        } finally {
            server.ensureStopped();
        }
    }

    @Test
    void aDataDirectoryThatCannotBeMadeExitsWithTwoAndSaysWhy() throws Exception {
        Path occupied = Files.writeString(dir.resolve("occupied"), "a file, not a folder");
        Path config = Files.writeString(dir.resolve("switchboard.yml"), """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0}
                http: {bind: 127.0.0.1, port: 0}
                """);

        ServerProcess server = ServerProcess.launch(dir, config,
                Map.of("SWITCHBOARD_DATA_DIR", occupied.resolve("data").toString()), "refused");
        try {
            assertThat(server.exitCode()).as(server.stderr()).isEqualTo(2);
            assertThat(server.stderr())
                    .contains("error: data_dir: cannot create the folder " + occupied.resolve("data"))
                    .contains(occupied + " is a file, not a folder")
                    .contains("point data_dir at a folder this user may write")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        } finally {
            server.ensureStopped();
        }
    }
}
