package org.switchboard.server.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.sip.testkit.FreePorts;

/**
 * A real softphone for the audio tests: one baresip process on 127.0.0.1 whose microphone is a WAV
 * file (module {@code aufile}) and which records what it encoded and what it decoded (module
 * {@code sndfile}, {@code dump-*-enc.wav} and {@code dump-*-dec.wav} in its folder). It is driven
 * through its command line on stdin ({@code /dial}, {@code /hold}, {@code /resume}, {@code /hangup}, {@code /quit}) and logs
 * every SIP message it sends and receives ({@code -s}) to {@code baresip.log} in its folder, which
 * is kept after the test for diagnosis.
 *
 * <p>Used by one test thread; the process is stopped by its own handle in {@link #close()}.
 */
final class Baresip implements AutoCloseable {
    /** The rate of the microphone file and of the recordings: G.711's, so baresip resamples nothing. */
    static final int SAMPLE_RATE_HZ = 8000;

    /** The level of the tones {@link #writeTone} writes, as a share of full scale: loud, far from clipping. */
    static final double TONE_LEVEL = 0.3;

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    // baresip quits by itself after this long, so a phone the test could not stop does not outlive the run
    private static final int WATCHDOG_SECONDS = 120;
    private static final Pattern INVITE_CALL_ID =
            Pattern.compile("^INVITE sip:.*?^Call-ID:\\s*(\\S+)", Pattern.MULTILINE | Pattern.DOTALL);
    private static final int WAV_HEADER_BYTES = 44;
    private static final String REGISTERED = "registered successfully";
    // baresip's lines about a failed registration ("reg: sip:1001@...: Register: ...")
    private static final String REGISTER_FAILED = "reg: ";
    private static final String CALL_ESTABLISHED = "Call established";
    // baresip's line when an established call ends ("Call with sip:... terminated")
    private static final String CALL_TERMINATED = "terminated";
    // baresip's line when a call is refused or fails before it is established ("session closed: 405 ...")
    private static final String CALL_CLOSED = "session closed";
    // what the ladder leaves out: header fields, SDP lines, blank lines, the echo of typed commands
    private static final Pattern NOT_LADDER = Pattern.compile("^([A-Z][A-Za-z-]*: .*|[a-z]=.*|\\s*|#|/.*)$");
    // terminal colour codes around the SIP trace, and the call status line repeated a dozen times a second
    private static final Pattern NOISE = Pattern.compile("\u001B\\[[;\\d]*m|\\[\\d+:\\d\\d:\\d\\d] audio=\\S+ \\(bit/s\\)\\s*");

    private final Path folder;
    private final int sipPort;
    private final Process process;
    private final OutputStream commands;

    private Baresip(Path folder, int sipPort, Process process) {
        this.folder = folder;
        this.sipPort = sipPort;
        this.process = process;
        this.commands = process.getOutputStream();
    }

    /**
     * Starts baresip with {@code account}, playing {@code microphone} (16-bit mono WAV at
     * {@link #SAMPLE_RATE_HZ}) into every call; {@code folder} is created and holds its
     * configuration, log and recordings.
     */
    static Baresip start(Path folder, Account account, Path microphone) throws IOException {
        Files.createDirectories(folder);
        int sipPort = FreePorts.udpAndTcpWithNext();
        Files.writeString(folder.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                "net_interface 127.0.0.1",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module sndfile.so",
                // a player that discards the audio: the recording is taken from the decode filter (sndfile)
                "module aubridge.so",
                // SDES-SRTP, used only by accounts that ask for it (mediaenc)
                "module srtp.so",
                // the command line on stdin
                "module stdio.so",
                "module_app account.so",
                "module_app menu.so",
                "audio_source aufile," + microphone.toAbsolutePath(),
                "audio_player aubridge,discard",
                "audio_alert aubridge,discard",
                "ausrc_srate " + SAMPLE_RATE_HZ,
                "auplay_srate " + SAMPLE_RATE_HZ,
                "ausrc_channels 1",
                "auplay_channels 1",
                "snd_path " + folder.toAbsolutePath(),
                ""));
        Files.writeString(folder.resolve("accounts"), account.line() + "\n");
        Process process = new ProcessBuilder("baresip", "-f", folder.toAbsolutePath().toString(), "-n", "127.0.0.1",
                "-s", "-t", Integer.toString(WATCHDOG_SECONDS))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("baresip.log").toFile())
                .start();
        Baresip phone = new Baresip(folder, sipPort, process);
        phone.awaitLog("baresip is ready", COMMAND_TIMEOUT);
        return phone;
    }

    /**
     * A new folder for one test's phones under the build directory ({@code SWITCHBOARD_BUILD_DIR},
     * set by the build), so their logs and recordings can be read after a failure.
     */
    static Path newFolder(String prefix) throws IOException {
        String build = System.getenv().getOrDefault("SWITCHBOARD_BUILD_DIR", System.getProperty("java.io.tmpdir"));
        return Files.createTempDirectory(Files.createDirectories(Path.of(build, "baresip")), prefix);
    }

    /**
     * Writes a 16-bit mono WAV of a sine tone at {@link #SAMPLE_RATE_HZ} and {@link #TONE_LEVEL} of
     * full scale, lasting {@code length}.
     */
    static Path writeTone(Path file, double frequencyHz, Duration length) throws IOException {
        int samples = (int) (length.toMillis() * SAMPLE_RATE_HZ / 1000);
        short[] tone = new ToneGenerator(frequencyHz, TONE_LEVEL, SAMPLE_RATE_HZ).next(samples);
        Files.createDirectories(file.getParent());
        return Files.write(file, WavFile.write(new PcmAudio(SAMPLE_RATE_HZ, 1, tone)));
    }

    /** The port its SIP listens on (UDP and TCP). */
    int sipPort() {
        return sipPort;
    }

    /** Calls {@code uri} (a SIP URI). */
    void dial(String uri) throws IOException {
        command("/dial " + uri);
    }

    /** Ends the current call with BYE (or CANCEL before the answer). */
    void hangUp() throws IOException {
        command("/hangup");
    }

    /** Holds the current call (a re-INVITE offering {@code a=sendonly}). */
    void hold() throws IOException {
        command("/hold");
    }

    /** Resumes the held call (a re-INVITE offering {@code a=sendrecv}). */
    void resume() throws IOException {
        command("/resume");
    }

    /** Quits (un-registering first when registered) and waits for the process to end. */
    void quit() throws IOException, InterruptedException {
        command("/quit");
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("baresip did not quit within " + COMMAND_TIMEOUT + "; log " + logFile());
        }
    }

    /** Waits until its log contains {@code text}; the failure names the log file and shows its SIP trace. */
    void awaitLog(String text, Duration timeout) {
        awaitFirst(timeout, text);
    }

    /** Waits until its account is registered; fails at once, with its SIP ladder, when registering fails. */
    void awaitRegistered(Duration timeout) {
        if (!awaitFirst(timeout, REGISTERED, REGISTER_FAILED).equals(REGISTERED)) {
            throw new AssertionError("registration failed; " + logFile() + ":\n" + ladder());
        }
    }

    /** Waits until its call is established; fails at once, with its SIP ladder, if the call ends first. */
    void awaitCallEstablished(Duration timeout) {
        String first = awaitFirst(timeout, CALL_ESTABLISHED, CALL_TERMINATED, CALL_CLOSED);
        if (!first.equals(CALL_ESTABLISHED)) {
            throw new AssertionError("the call ended before it was established; " + logFile() + ":\n" + ladder());
        }
    }

    /** Waits until its call has ended (BYE sent or received). */
    void awaitCallTerminated(Duration timeout) {
        awaitFirst(timeout, CALL_TERMINATED);
    }

    private String awaitFirst(Duration timeout, String... texts) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> firstIn(log(), texts).isPresent() || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("none of " + List.of(texts) + " from baresip within " + timeout + "; "
                    + logFile() + ":\n" + ladder(), e);
        }
        return firstIn(log(), texts).orElseThrow(() -> new AssertionError(
                "baresip ended before logging any of " + List.of(texts) + "; " + logFile() + ":\n" + ladder()));
    }

    /** The text of {@code texts} that appears earliest in {@code log}. */
    private static Optional<String> firstIn(String log, String... texts) {
        String first = null;
        int at = Integer.MAX_VALUE;
        for (String text : texts) {
            int i = log.indexOf(text);
            if (i >= 0 && i < at) {
                first = text;
                at = i;
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * How much audio it has decoded so far in the current or last call, from the size of the
     * recording being written (the WAV header is completed only when the call ends).
     */
    Duration decodedSoFar() {
        return recording("dec").map(file -> {
            try {
                long samples = Math.max(0, Files.size(file) - WAV_HEADER_BYTES) / 2;
                return Duration.ofMillis(samples * 1000 / SAMPLE_RATE_HZ);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(Duration.ZERO);
    }

    /** What it decoded from the far end in its call (empty audio when it decoded nothing). */
    PcmAudio decoded() throws IOException {
        return read("dec");
    }

    /** What it encoded and sent in its call. */
    PcmAudio sent() throws IOException {
        return read("enc");
    }

    /** The Call-ID of the first INVITE in its SIP trace (the call it placed). */
    String callIdOfFirstInvite() {
        Matcher m = INVITE_CALL_ID.matcher(log());
        if (!m.find()) {
            throw new AssertionError("no INVITE in " + logFile());
        }
        return m.group(1);
    }

    /** Everything it printed so far (its SIP trace and call events), without colours and bit-rate lines. */
    String log() {
        try {
            return NOISE.matcher(Files.readString(logFile(), StandardCharsets.UTF_8)).replaceAll("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Its log reduced to a SIP ladder for failure messages: who sent what to whom (the start line
     * of each message) and baresip's own events (registration, call progress, audio set-up).
     */
    String ladder() {
        return log().lines().filter(line -> !NOT_LADDER.matcher(line).matches())
                .collect(Collectors.joining("\n"));
    }

    Path logFile() {
        return folder.resolve("baresip.log");
    }

    /** Stops the process by its handle if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void command(String line) throws IOException {
        commands.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }

    private PcmAudio read(String kind) throws IOException {
        Path file = recording(kind).orElseThrow(() -> new AssertionError(
                "no dump-*-" + kind + ".wav in " + folder + ": the call never set up its audio; log " + logFile()));
        return WavFile.read(Files.readAllBytes(file));
    }

    private Optional<Path> recording(String kind) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().matches("dump-.*-" + kind + "\\.wav")).toList();
            if (found.size() > 1) {
                throw new AssertionError("more than one call recorded in " + folder + ": " + found);
            }
            return found.stream().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A baresip account line: the address-of-record with its parameters.
     *
     * @param aor the SIP URI; registered at its host and port when {@code registerSeconds} is positive
     * @param password the digest password, empty for none
     * @param registerSeconds the registration interval, 0 for an account that does not register
     * @param autoAnswer whether incoming calls are answered at once
     * @param codecs the audio codecs offered and accepted, in order (e.g. {@code PCMU/8000/1})
     * @param mediaEncryption baresip's {@code mediaenc} (e.g. {@code srtp-mand}: RTP/SAVP with SDES only),
     *     empty for plain RTP
     */
    record Account(String aor, String password, int registerSeconds, boolean autoAnswer, List<String> codecs,
            String mediaEncryption) {
        Account {
            codecs = List.copyOf(codecs);
        }

        /** {@code sip:user@127.0.0.1}, not registered: reached directly at its SIP port. */
        static Account unregistered(String user) {
            return new Account("sip:" + user + "@127.0.0.1", "", 0, false, List.of(), "");
        }

        /** {@code user} registering with {@code password} at the registrar on 127.0.0.1:{@code port} over UDP. */
        static Account registeredAt(int port, String user, String password) {
            return new Account("sip:" + user + "@127.0.0.1:" + port + ";transport=udp", password, 60, false, List.of(), "");
        }

        /** {@code user} registering with {@code password} at the registrar's SIP-over-TLS port {@code tlsPort} on 127.0.0.1. */
        static Account registeredOverTlsAt(int tlsPort, String user, String password) {
            return new Account("sip:" + user + "@127.0.0.1:" + tlsPort + ";transport=tls", password, 60, false, List.of(), "");
        }

        Account answeringAutomatically() {
            return new Account(aor, password, registerSeconds, true, codecs, mediaEncryption);
        }

        Account offering(String... codecList) {
            return new Account(aor, password, registerSeconds, autoAnswer, List.of(codecList), mediaEncryption);
        }

        /** The account with baresip's media encryption {@code mediaenc} (e.g. {@code srtp-mand}). */
        Account encrypting(String mediaenc) {
            return new Account(aor, password, registerSeconds, autoAnswer, codecs, mediaenc);
        }

        String line() {
            StringBuilder line = new StringBuilder("<" + aor + ">;regint=" + registerSeconds);
            if (!password.isEmpty()) {
                line.append(";auth_pass=").append(password);
            }
            if (autoAnswer) {
                line.append(";answermode=auto");
            }
            if (!codecs.isEmpty()) {
                line.append(";audio_codecs=").append(String.join(",", codecs));
            }
            if (!mediaEncryption.isEmpty()) {
                line.append(";mediaenc=").append(mediaEncryption);
            }
            return line.toString();
        }
    }
}
