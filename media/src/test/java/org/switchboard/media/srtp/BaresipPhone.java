package org.switchboard.media.srtp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;

/**
 * Debian's baresip with its {@code srtp} module requiring SDES-SRTP ({@code mediaenc=srtp-mand}): an
 * independent SRTP implementation (libre's) to interoperate with. Its microphone is a tone WAV
 * ({@code aufile}); what it decodes is recorded by {@code sndfile} ({@code dump-*-dec.wav}); it answers
 * calls by itself and dials on {@code /dial}. Its log ({@code -s}: SIP trace) stays in its folder.
 */
final class BaresipPhone implements AutoCloseable {
    private static final String BINARY = "/usr/bin/baresip";

    private final Path folder;
    private final int sipPort;
    private final Process process;

    private BaresipPhone(Path folder, int sipPort, Process process) {
        this.folder = folder;
        this.sipPort = sipPort;
        this.process = process;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(BINARY)) && Files.exists(Path.of("/usr/lib/baresip/modules/srtp.so"));
    }

    /** Starts baresip on a free SIP port, its microphone playing {@code toneHz}. */
    static BaresipPhone start(Path folder, int sipPort, double toneHz) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path microphone = folder.resolve("microphone.wav");
        Files.write(microphone, WavFile.write(new PcmAudio(8000, 1, new ToneGenerator(toneHz, 0.3, 8000).next(8000 * 30))));
        Files.writeString(folder.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                "net_interface 127.0.0.1",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module sndfile.so",
                "module aubridge.so",
                "module srtp.so",
                "module stdio.so",
                "module_app account.so",
                "module_app menu.so",
                "audio_source aufile," + microphone,
                "audio_player aubridge,discard",
                "audio_alert aubridge,discard",
                "ausrc_srate 8000",
                "auplay_srate 8000",
                "ausrc_channels 1",
                "auplay_channels 1",
                "snd_path " + folder,
                ""));
        Files.writeString(folder.resolve("accounts"),
                "<sip:bob@127.0.0.1>;regint=0;answermode=auto;mediaenc=srtp-mand;audio_codecs=PCMU/8000/1\n");
        Process process = new ProcessBuilder(BINARY, "-f", folder.toString(), "-n", "127.0.0.1", "-s", "-t", "90")
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("baresip.log").toFile())
                .start();
        BaresipPhone phone = new BaresipPhone(folder, sipPort, process);
        phone.awaitLog("baresip is ready", Duration.ofSeconds(15));
        return phone;
    }

    int sipPort() {
        return sipPort;
    }

    void dial(String uri) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(("/dial " + uri + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    void awaitLog(String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!log().contains(text)) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new AssertionError("baresip did not log '" + text + "'; " + folder.resolve("baresip.log"));
            }
            Thread.sleep(50);
        }
    }

    String log() {
        try {
            return Files.readString(folder.resolve("baresip.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** What it decoded in its call (read after the call ended, when sndfile completed the WAV). */
    PcmAudio decoded() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> dec = files.filter(f -> f.getFileName().toString().matches("dump-.*-dec\\.wav")).toList();
            if (dec.size() != 1) {
                throw new AssertionError("expected one decoded recording in " + folder + ", found " + dec);
            }
            return WavFile.read(Files.readAllBytes(dec.get(0)));
        }
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
