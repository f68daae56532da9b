package vn.lgsp.hub.platform;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers for correlation and event ids: UUID v4 shape, unique enough, and without the lock of
 * SecureRandom that UUID.randomUUID() takes on every call (these ids are not secrets).
 */
public final class Ids {

    private Ids() {
    }

    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
