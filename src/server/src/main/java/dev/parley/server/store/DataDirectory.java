package dev.parley.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's data directory (database, media, uploads): created readable by the server's user only, so other
 * accounts on the machine cannot read messages or session hashes.
 */
public final class DataDirectory {
    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataDirectory() {
    }

    /**
     * Creates {@code dir} (and missing parents) owner-only. One that exists already is left as the operator set it,
     * with a warning if other users can reach into it.
     */
    public static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try {
                Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(dir));
                open.removeAll(OWNER_ONLY);
                if (!open.isEmpty()) {
                    log.warn("the data directory {} is open to other users ({}); `chmod 700` it so only the server's"
                            + " user can read messages and sessions", dir.toAbsolutePath(),
                            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
                }
            } catch (UnsupportedOperationException e) {
                // Not POSIX (Windows): access is governed by the folder's ACL.
            }
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }
}
