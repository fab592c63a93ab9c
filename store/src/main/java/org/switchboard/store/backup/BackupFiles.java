package org.switchboard.store.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.files.DataDirectory;

/**
 * The feature files a backup carries beside the tables: every regular file under the named
 * sub-folders of the data directory (e.g. {@code voicemail}), stored as {@code files/<folder>/<path>}.
 * The rows that name these files are in the same archive, so a restore brings both. Immutable.
 *
 * @param root the data directory
 * @param folders its sub-folders to carry, plain names
 */
public record BackupFiles(Path root, List<String> folders) {
    private static final Logger log = LoggerFactory.getLogger(BackupFiles.class);
    static final String PREFIX = "files/";
    private static final Pattern FOLDER = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /** No files: a backup of the tables alone. */
    public static final BackupFiles NONE = new BackupFiles(Path.of(""), List.of());

    public BackupFiles {
        folders = List.copyOf(folders);
        for (String folder : folders) {
            if (!FOLDER.matcher(folder).matches()) {
                throw new IllegalArgumentException("not a data folder name: " + folder);
            }
        }
    }

    /** Writes every file of the folders into {@code zip}; returns one entry per folder. */
    List<BackupManifest.FolderEntry> write(ZipOutputStream zip) throws IOException {
        List<BackupManifest.FolderEntry> entries = new ArrayList<>();
        for (String folder : folders) {
            Path base = root.resolve(folder);
            long count = 0;
            long bytes = 0;
            if (Files.isDirectory(base)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(base)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    String name = PREFIX + folder + "/" + base.relativize(file).toString().replace('\\', '/');
                    try (InputStream in = Files.newInputStream(file)) {
                        zip.putNextEntry(new ZipEntry(name));
                        bytes += in.transferTo(zip);
                        zip.closeEntry();
                        count++;
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // Deleted since the walk (a message deleted meanwhile): nothing to keep.
                        log.info("backup skipped a file deleted while it ran file={}", file);
                    }
                }
            }
            entries.add(new BackupManifest.FolderEntry(folder, count, bytes));
        }
        return entries;
    }

    /**
     * Extracts the archive's {@code files/} entries under the data directory, each written to a
     * temporary name and moved into place. Refuses (field {@code archive}) an entry outside the
     * folders the manifest lists or a path that would leave its folder. Returns how many files.
     */
    static long extract(ZipFile zip, BackupManifest manifest, Path root) throws IOException {
        List<String> listed = manifest.files().stream().map(BackupManifest.FolderEntry::name).toList();
        long count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory() || !entry.getName().startsWith(PREFIX)) {
                continue;
            }
            String relative = entry.getName().substring(PREFIX.length());
            String folder = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
            Path base = root.resolve(folder).normalize();
            Path target = root.resolve(relative).normalize();
            if (!FOLDER.matcher(folder).matches() || !listed.contains(folder) || !target.startsWith(base)
                    || target.equals(base)) {
                throw new ValidationException("archive", "holds a file outside its data folders: " + entry.getName());
            }
            DataDirectory.ensureFolder(target.getParent(), DataDirectory.KEY);
            Path partial = target.resolveSibling(target.getFileName() + ".restoring");
            try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            count++;
        }
        return count;
    }
}
