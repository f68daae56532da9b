package vn.lgsp.hub.notices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.trail.DossierTrail;

/** Addresses (phone numbers) that receive no notices, kept as hashes of the normalised address. */
@Component
public class NoticeOptOuts {

    private final JdbcClient jdbc;

    public NoticeOptOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the opt-out; true when it is new. */
    public boolean optOut(String address, String requestedBy) {
        if (isOptedOut(address)) {
            return false;
        }
        jdbc.sql("INSERT INTO notice_opt_out (address_hash, opted_out_at, requested_by) VALUES (?, ?, ?)")
                .params(hash(address), DossierTrail.now(), requestedBy).update();
        return true;
    }

    /** Removes the opt-out; true when there was one. */
    public boolean optIn(String address) {
        return jdbc.sql("DELETE FROM notice_opt_out WHERE address_hash = ?").param(hash(address)).update() > 0;
    }

    public boolean isOptedOut(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM notice_opt_out WHERE address_hash = ?")
                .param(hash(address)).query(Integer.class).single() > 0;
    }

    /** Which of these addresses opted out; one query. */
    public Set<String> optedOut(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return Set.of();
        }
        Map<String, String> byHash = new HashMap<>();
        addresses.forEach(address -> byHash.put(hash(address), address));
        return jdbc.sql("SELECT address_hash FROM notice_opt_out WHERE address_hash IN (:hashes)")
                .param("hashes", byHash.keySet()).query(String.class).list().stream()
                .map(byHash::get).collect(Collectors.toSet());
    }

    static String hash(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
