package org.switchboard.server.cli;

import io.netty.util.ResourceLeakDetector;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.server.wiring.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard run}: starts the server and serves until SIGTERM or SIGINT, then stops it in
 * order and exits with code 0. Runs on the main thread, which then waits for the shutdown hook.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the server: migrate and seed the database, then serve until SIGTERM.")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    private final CliContext context;

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Logging.forServer();
        disableBufferLeakSamplingUnlessAsked();
        SwitchboardConfig loaded = config.load(context.environment());
        log.info("configuration read file={} found={}", config.file(), Files.exists(config.file()));
        Server server = Server.start(loaded, context.clock(), context.version());
        PrintWriter out = spec.commandLine().getOut();
        server.generatedAdminPassword().ifPresent(password -> {
            // Printed once, here; only its Argon2id hash is stored, so it can never be shown again.
            out.println("Initial admin account created: username=" + loaded.admin().username() + " password=" + password);
            out.println("This password is shown only once. Change it after logging in.");
            out.flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
            int status = 0;
            try {
                server.stop();
            } catch (RuntimeException e) {
                status = 1;
                log.error("shutdown failed reason={}", e.toString(), e);
            } finally {
                stopped.countDown();
            }
            // The JVM's status after SIGTERM is 143; an orderly stop is a success, so say so.
            Runtime.getRuntime().halt(status);
        }));
        stopped.await();
        return 0;
    }

    /**
     * Netty samples one buffer in 128 with a stack trace to report leaks: worth it in the test suite,
     * which keeps it, but on a running node those traces were an eighth of the bytes a REGISTER
     * allocated. {@code -Dio.netty.leakDetection.level=...} in {@code JAVA_OPTS} turns it back on.
     */
    private static void disableBufferLeakSamplingUnlessAsked() {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
