package vn.lgsp.hub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table file an operator edits while the hub runs (the sector routing table, the procedure catalogue): read and
 * checked when created, so a broken file stops start-up; re-read when its modification time changes, checked at
 * most once per {@code checkEvery}. A broken edit after start-up is logged and the last good content stays in use:
 * a typo must not stop a running hub.
 *
 * @param <T> what the file's lines parse into; the parser throws to refuse a file, naming the line
 */
public final class WatchedFile<T> {

    private static final Logger log = LoggerFactory.getLogger(WatchedFile.class);

    private record Loaded<T>(T content, FileTime modified) {
    }

    private final Path file;
    private final String what;
    private final Function<List<String>, T> parser;
    private final long checkEveryNanos;
    private volatile Loaded<T> loaded;
    private volatile FileTime refused;
    private volatile long nextCheck;

    /** Reads the file now; throws (stopping start-up) when it cannot be read or parsed. */
    public WatchedFile(Path file, String what, Duration checkEvery, Function<List<String>, T> parser) {
        this.file = file;
        this.what = what;
        this.parser = parser;
        this.checkEveryNanos = checkEvery.toNanos();
        this.loaded = load();
        this.nextCheck = System.nanoTime() + checkEveryNanos;
    }

    public Path file() {
        return file;
    }

    /** The content of the last good version of the file, re-read first if it changed. */
    public T current() {
        reloadIfChanged();
        return loaded.content();
    }

    private void reloadIfChanged() {
        long now = System.nanoTime();
        if (now - nextCheck < 0) {
            return;
        }
        nextCheck = now + checkEveryNanos;
        FileTime modified = null;
        try {
            modified = Files.getLastModifiedTime(file);
            if (!modified.equals(loaded.modified()) && !modified.equals(refused)) {
                loaded = load();
                log.info("{} {} reloaded", what, file);
            }
        } catch (IOException | RuntimeException e) {
            refused = modified; // said once per broken version, not at every check
            log.error("{} {} not reloaded, the previous one stays in use: {}", what, file, e.getMessage());
        }
    }

    private Loaded<T> load() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return new Loaded<>(parser.apply(Files.readAllLines(file, StandardCharsets.UTF_8)), modified);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + what + " " + file, e);
        }
    }
}
