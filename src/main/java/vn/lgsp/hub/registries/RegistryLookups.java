package vn.lgsp.hub.registries;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.lgsp.hub.adapters.business.BusinessRegistry;
import vn.lgsp.hub.adapters.population.PopulationRegistry;
import vn.lgsp.hub.audit.AccessPurpose;
import vn.lgsp.hub.audit.RegistryAudit;
import vn.lgsp.hub.canonical.Citizen;
import vn.lgsp.hub.canonical.Enterprise;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.Masking;

/**
 * Every read of a national registry goes through here: served from a short-lived cache when the same subject was
 * just looked up, else asked of the registry; and in every case written to the audit log with its purpose and
 * result (FOUND, NOT_FOUND, UNAVAILABLE), cache hits included ("FOUND (cache)", "NOT_FOUND (cache)"). The cache
 * keeps the registry's answer, found or not, for its TTL: that is how long the hub takes a verification as valid.
 */
@Service
public class RegistryLookups {

    public static final String POPULATION = "population";
    public static final String BUSINESS = "business";

    /** Why the registry was read: a connected system's lookup, or the hub completing a dossier. */
    public enum Action {
        LOOKUP,
        ENRICHMENT,
        REENRICHMENT
    }

    private static final Logger log = LoggerFactory.getLogger(RegistryLookups.class);

    private final PopulationRegistry population;
    private final BusinessRegistry business;
    private final RegistryAudit audit;
    private final MeterRegistry meters;
    /** The registry's last answer by subject: a record, or none (the registry knows no such subject). */
    private final TtlCache<String, Optional<Citizen>> citizens;
    private final TtlCache<String, Optional<Enterprise>> enterprises;
    /** The counters by registry, result and cache, found once: looking a meter up by its tags costs each call. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public RegistryLookups(PopulationRegistry population, BusinessRegistry business, RegistryAudit audit,
                           MeterRegistry meters, RegistryProperties properties) {
        this.population = population;
        this.business = business;
        this.audit = audit;
        this.meters = meters;
        this.citizens = new TtlCache<>(properties.cacheTtl(), properties.cacheMaxSize(), Clock.systemUTC());
        this.enterprises = new TtlCache<>(properties.cacheTtl(), properties.cacheMaxSize(), Clock.systemUTC());
    }

    /** @throws HubException REGISTRY_UNAVAILABLE when the population database cannot answer */
    public Optional<Citizen> citizen(String personalId, AccessPurpose purpose, Action action) {
        return lookup(POPULATION, personalId, purpose, action, citizens, () -> population.find(personalId, purpose));
    }

    /** @throws HubException REGISTRY_UNAVAILABLE when the business registry cannot answer */
    public Optional<Enterprise> enterprise(String enterpriseCode, AccessPurpose purpose, Action action) {
        return lookup(BUSINESS, enterpriseCode, purpose, action, enterprises, () -> business.find(enterpriseCode));
    }

    /**
     * The population registry's answer if the cache holds one, without asking the registry (empty: not cached); a
     * cached answer is audited like any lookup.
     */
    public Optional<Optional<Citizen>> cachedCitizen(String personalId, AccessPurpose purpose, Action action) {
        return fromCache(POPULATION, personalId, purpose, action, citizens);
    }

    /** As {@link #cachedCitizen}, of the business registry. */
    public Optional<Optional<Enterprise>> cachedEnterprise(String enterpriseCode, AccessPurpose purpose,
                                                           Action action) {
        return fromCache(BUSINESS, enterpriseCode, purpose, action, enterprises);
    }

    /** The registry's code in DVCQG (MaCSDL). */
    public String sourceCode(String registry) {
        return POPULATION.equals(registry) ? population.sourceCode() : business.sourceCode();
    }

    /** Hits and misses of each cache since start, for the cache hit ratio. */
    public Map<String, Map<String, Long>> cacheStatistics() {
        return Map.of(POPULATION, Map.of("hits", citizens.hits(), "misses", citizens.misses()),
                BUSINESS, Map.of("hits", enterprises.hits(), "misses", enterprises.misses()));
    }

    /** Empties both caches (tests and benchmarks start cold). */
    public void clearCaches() {
        citizens.clear();
        enterprises.clear();
    }

    /** Audits a lookup refused before reaching the registry (no purpose, malformed subject). */
    public void refused(String registry, String subject, AccessPurpose purpose, String reason) {
        audit.append(registry, Action.LOOKUP.name(), subject == null ? "" : truncate(subject), purpose,
                "REFUSED: " + reason);
    }

    private <T> Optional<T> lookup(String registry, String subject, AccessPurpose purpose, Action action,
                                   TtlCache<String, Optional<T>> cache, Supplier<Optional<T>> ask) {
        Optional<Optional<T>> cached = fromCache(registry, subject, purpose, action, cache);
        if (cached.isPresent()) {
            return cached.get();
        }
        Optional<T> answer;
        try {
            answer = ask.get();
        } catch (HubException unavailable) {
            count(registry, "UNAVAILABLE", false);
            audit.append(registry, action.name(), subject, purpose, "UNAVAILABLE");
            log.warn("{} lookup of {} for dossier {} failed: {}", registry, Masking.identifier(subject),
                    purpose.dossierCode(), unavailable.getMessage());
            throw unavailable;
        }
        cache.put(subject, answer);
        String result = answer.isPresent() ? "FOUND" : "NOT_FOUND";
        count(registry, result, false);
        audit.append(registry, action.name(), subject, purpose, result);
        return answer;
    }

    private <T> Optional<Optional<T>> fromCache(String registry, String subject, AccessPurpose purpose,
                                                Action action, TtlCache<String, Optional<T>> cache) {
        Optional<Optional<T>> cached = cache.get(subject);
        cached.ifPresent(answer -> {
            String result = answer.isPresent() ? "FOUND" : "NOT_FOUND";
            count(registry, result, true);
            audit.append(registry, action.name(), subject, purpose, result + " (cache)");
        });
        return cached;
    }

    private void count(String registry, String result, boolean cached) {
        String cache = cached ? "hit" : "miss";
        counters.computeIfAbsent(registry + '|' + result + '|' + cache, key -> meters.counter(
                "hub.registry.lookups", "registry", registry, "result", result, "cache", cache)).increment();
    }

    private static String truncate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32);
    }
}
