package org.switchboard.pbx.registrar;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.switchboard.store.db.Engine;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The registrar on a SQLite file and a free UDP port for bench/sipp/register.sh (not a test):
 * creates extensions {@code 2000..2000+N-1} with password {@code secret123} (the anchor's), prints
 * {@code PORT <n>} and serves until killed. Arguments: the number of extensions, then the database
 * engine ({@code sqlite}, the default, or {@code postgresql}: a fresh database on the local server).
 */
public final class RegisterBenchServer {
    private RegisterBenchServer() {}

    public static void main(String[] args) throws InterruptedException {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Engine engine = args.length > 1 ? Engine.valueOf(args[1].toUpperCase(Locale.ROOT)) : Engine.SQLITE;
        RegistrarHarness server = new RegistrarHarness(TestDatabases.open(engine), RegistrarSettings.defaults(RegistrarHarness.REALM));
        for (int i = 0; i < users; i++) {
            server.addExtension(Integer.toString(2000 + i), "secret123", true);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("PORT " + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
