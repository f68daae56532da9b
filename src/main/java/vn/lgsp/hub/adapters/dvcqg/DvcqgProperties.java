package vn.lgsp.hub.adapters.dvcqg;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection to the National Public Service Portal (DVCQG), bound from {@code hub.systems.dvcqg}. Paths, codes and
 * the portal's error codes are configuration because the portal's specification is not public and changes.
 *
 * @param baseUrl               portal base URL
 * @param authPath              login path, appended to the base URL
 * @param integrationPath       path of every service call, appended to the base URL
 * @param dstcode               the province's integration code, sent as header {@code dstcode}
 * @param username              portal account
 * @param password              portal password
 * @param agencyCode            {@code madonvi} sent with every call
 * @param connectTimeout        TCP connect timeout
 * @param responseTimeout       time allowed for a whole answer
 * @param consumers             parallel consumers of the sync queue (different dossiers in parallel)
 * @param maxRequestsPerSecond  calls to the portal per second at most, per node (route {@code dvcqg-call}), so a
 *                              backlog drains without hammering the portal
 * @param batchSize             dossiers synced together in one DongBoHoSoMC / CapNhatTienDoHoSoMC call at most
 *                              (route {@code dvcqg-sync-batch}); 0 syncs every event on its own, as the
 *                              per-dossier sync does
 * @param batchInterval         how often each node looks for dossiers waiting for a batch (at once again after a
 *                              full batch)
 * @param sessionExpiredCodes   {@code error_code} values meaning "log in again"
 * @param retryableCodes        {@code error_code} values meaning "portal trouble, try later"; every other non-zero
 *                              code means the portal rejects the data, which retrying cannot fix
 * @param reconcile             scheduled reconciliation
 */
@ConfigurationProperties("hub.systems.dvcqg")
public record DvcqgProperties(
        String baseUrl,
        String authPath,
        String integrationPath,
        String dstcode,
        String username,
        String password,
        String agencyCode,
        Duration connectTimeout,
        Duration responseTimeout,
        int consumers,
        int maxRequestsPerSecond,
        int batchSize,
        Duration batchInterval,
        List<Integer> sessionExpiredCodes,
        List<Integer> retryableCodes,
        Reconcile reconcile) {

    public DvcqgProperties {
        sessionExpiredCodes = sessionExpiredCodes == null ? List.of() : List.copyOf(sessionExpiredCodes);
        retryableCodes = retryableCodes == null ? List.of() : List.copyOf(retryableCodes);
        batchInterval = batchInterval == null ? Duration.ofMillis(200) : batchInterval;
    }

    /**
     * @param cron     Spring cron of the scheduled run
     * @param lookback period compared by the scheduled run, ending now
     */
    public record Reconcile(String cron, Duration lookback) {
    }
}
