package org.switchboard.pbx.voicemail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.store.files.DataDirectory;

/**
 * The voicemail audio files: one folder per box under {@code data_dir/voicemail}, named by the
 * extension's id (stable when the extension is renumbered), holding the messages' and greetings'
 * WAV files under generated names. Writes go to a temporary name, are forced to disk and then
 * moved into place, so a name a database row refers to is always a complete file. Stateless apart
 * from the root folder; any thread, but every method does file I/O (never an event loop).
 */
final class MailboxFiles {
    private static final Logger log = LoggerFactory.getLogger(MailboxFiles.class);
    private static final String WAV = ".wav";

    private final Path root;

    /** @param root the voicemail folder under the data directory, created (owner-only) with its first box folder */
    MailboxFiles(Path root) {
        this.root = root;
    }

    /** The folder of the box of extension {@code extensionId}, created owner-only when missing. */
    Path folder(long extensionId) {
        return DataDirectory.ensureFolder(root.resolve(Long.toString(extensionId)), DataDirectory.KEY);
    }

    /** A new, unused path in the box's folder, for a file starting with {@code prefix}. */
    Path newFile(long extensionId, String prefix) {
        return folder(extensionId).resolve(prefix + "-" + UUID.randomUUID() + WAV);
    }

    /** Whether {@code file} is directly in the box's folder (a recording from {@link #newFile}). */
    boolean isIn(long extensionId, Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null && parent.equals(root.resolve(Long.toString(extensionId)).toAbsolutePath().normalize());
    }

    /** {@code name} in the box's folder (a name from a database row). */
    Path resolve(long extensionId, String name) {
        return root.resolve(Long.toString(extensionId)).resolve(name);
    }

    /** Forces {@code file}'s content to disk, so the row written next never outlives its audio. */
    static void force(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + file, e);
        }
    }

    /** Writes {@code bytes} as {@code target}: temporary file, forced to disk, moved into place. */
    static void writeAtomically(Path target, byte[] bytes) {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.write(temporary, bytes);
            force(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Deletes {@code file} if present; a failure is logged (the start-up sweep removes it later), never thrown. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("voicemail file not deleted file={} reason={}", file, e.toString());
        }
    }

    /**
     * Deletes what no row refers to: the folders of extensions that no longer exist and, when
     * {@code orphanFiles}, every file in the other folders that is not in {@code inUse} (a
     * recording cut off by a crash, a file whose row went). Only at start may orphan files go:
     * later, a file without a row may be a message being recorded. Returns how many files went.
     */
    int sweep(Set<Long> extensionIds, Map<Long, Set<String>> inUse, boolean orphanFiles) {
        int removed = 0;
        if (!Files.isDirectory(root)) {
            return removed;
        }
        try (DirectoryStream<Path> boxes = Files.newDirectoryStream(root)) {
            for (Path box : boxes) {
                Long id = extensionId(box);
                if (id == null) {
                    continue;
                }
                if (!extensionIds.contains(id)) {
                    removed += deleteTree(box);
                } else if (orphanFiles) {
                    removed += deleteOrphans(box, inUse.getOrDefault(id, Set.of()));
                }
            }
        } catch (IOException e) {
            log.warn("voicemail folder not swept folder={} reason={}", root, e.toString());
        }
        return removed;
    }

    private static Long extensionId(Path box) {
        String name = box.getFileName().toString();
        return Files.isDirectory(box) && name.matches("[0-9]{1,18}") ? Long.valueOf(name) : null;
    }

    private static int deleteOrphans(Path box, Set<String> keep) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(box)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && !keep.contains(file.getFileName().toString())) {
                    deleteQuietly(file);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static int deleteTree(Path box) throws IOException {
        try (Stream<Path> walk = Files.walk(box)) {
            var paths = walk.sorted(Comparator.reverseOrder()).toList();
            paths.forEach(MailboxFiles::deleteQuietly);
            return (int) paths.stream().filter(p -> !p.equals(box)).count();
        }
    }
}
