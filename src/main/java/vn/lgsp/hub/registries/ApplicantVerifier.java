package vn.lgsp.hub.registries;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.audit.AccessPurpose;
import vn.lgsp.hub.canonical.Applicant;
import vn.lgsp.hub.canonical.ApplicantType;
import vn.lgsp.hub.canonical.Citizen;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.Enterprise;
import vn.lgsp.hub.canonical.Verification;
import vn.lgsp.hub.canonical.Verification.Discrepancy;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Verifies a dossier's applicant against the national registry of its kind and completes it: the registry's
 * values replace the submitted ones (name, birth date, address; enterprise name, type, head office,
 * representative), every disagreement is kept in {@code verification.discrepancies}, and the outcome is written
 * to the dossier's trail by field name only, never by value.
 */
@Component
public class ApplicantVerifier {

    /** The officer recorded in the audit log when the hub itself reads a registry. */
    public static final String HUB_OFFICER = "lgsp-hub";
    /** Trail words: the outcome came from the registry's answer the hub still held. */
    static final String FROM_CACHE = "from the hub's cache";
    /** Trail words: the registry's answer was not at hand, so the dossier went on and the registry is asked beside. */
    static final String NOT_CACHED = "not in the hub's cache";
    static final String VERIFIED_BESIDE = "delivered unverified, verified beside the delivery";

    private final RegistryLookups lookups;
    private final DossierTrail trail;

    public ApplicantVerifier(RegistryLookups lookups, DossierTrail trail) {
        this.lookups = lookups;
        this.trail = trail;
    }

    /**
     * The dossier with its applicant verified, which registry answered how, whether the answer came from the hub's
     * cache, and why the registry could not be asked (UNVERIFIED only).
     */
    public record Result(Dossier dossier, String registry, Verification.Status status, boolean cached,
                         String failure) {
    }

    /** Asks the registry unless the cache answers; writes the outcome to the trail. */
    public Result verify(Dossier dossier, RegistryLookups.Action action) {
        Result result;
        try {
            result = check(dossier, action, false).orElseThrow();
        } catch (HubException e) {
            if (e.code() != ErrorCode.REGISTRY_UNAVAILABLE) {
                throw e;
            }
            result = unverified(dossier, e.getMessage());
        }
        record(result);
        return result;
    }

    /**
     * The outcome from the registry's answer still in the hub's cache, without asking the registry; empty when
     * the cache has none. Writes nothing to the trail: the caller {@link #record}s it with its own writes.
     */
    public Optional<Result> fromCache(Dossier dossier, RegistryLookups.Action action) {
        return check(dossier, action, true);
    }

    /** The dossier marked UNVERIFIED by the registry of its applicant: failure is why, or null (not asked yet). */
    public Result unverified(Dossier dossier, String failure) {
        Applicant applicant = dossier.applicant();
        String registry = registryOf(applicant);
        Applicant marked = applicant.withVerification(
                new Verification(Verification.Status.UNVERIFIED, lookups.sourceCode(registry), null, null, null));
        return new Result(dossier.withApplicant(marked), registry, Verification.Status.UNVERIFIED, false, failure);
    }

    /** Writes the outcome to the dossier's trail, by field name only, never by value. */
    public void record(Result result) {
        String code = result.dossier().dossierCode();
        Verification v = result.dossier().applicant().verification();
        String fromCache = result.cached() ? "; " + FROM_CACHE : "";
        switch (result.status()) {
            case UNVERIFIED -> trail.record(code, TrailKind.APPLICANT_UNVERIFIED, result.registry(),
                    result.failure() != null
                            ? v.source() + " unavailable; delivered unverified, to be re-verified"
                            : v.source() + " " + NOT_CACHED + "; " + VERIFIED_BESIDE);
            case NOT_FOUND -> trail.record(code, TrailKind.APPLICANT_NOT_IN_REGISTRY, result.registry(),
                    v.source() + " knows no such "
                            + (result.registry().equals(RegistryLookups.BUSINESS) ? "enterprise" : "citizen")
                            + "; delivered as submitted" + fromCache);
            case VERIFIED -> {
                trail.record(code, TrailKind.APPLICANT_VERIFIED, result.registry(),
                        "verified against " + v.source() + ": " + String.join(", ", v.verifiedFields()) + fromCache);
                if (!v.discrepancies().isEmpty()) {
                    trail.record(code, TrailKind.APPLICANT_DISCREPANCY, result.registry(),
                            String.join(", ", v.discrepancies().stream().map(Discrepancy::field).toList())
                                    + " differ from " + v.source() + "; the registry's values were delivered");
                }
            }
        }
    }

    /** The outcome of the registry's answer (asked, or cached); empty when cacheOnly and the cache has none. */
    private Optional<Result> check(Dossier dossier, RegistryLookups.Action action, boolean cacheOnly) {
        Applicant applicant = dossier.applicant();
        String registry = registryOf(applicant);
        String source = lookups.sourceCode(registry);
        AccessPurpose purpose = new AccessPurpose(dossier.sourceSystem(), HUB_OFFICER, dossier.dossierCode(),
                (action == RegistryLookups.Action.REENRICHMENT ? "re-verify applicant" : "verify applicant at intake")
                        + ", procedure " + dossier.procedureCode());
        OffsetDateTime now = OffsetDateTime.now(DossierTrail.ZONE);
        Optional<Optional<Applicant>> answer;
        if (RegistryLookups.BUSINESS.equals(registry)) {
            String subject = applicant.enterpriseCode();
            answer = (cacheOnly ? lookups.cachedEnterprise(subject, purpose, action)
                    : Optional.of(lookups.enterprise(subject, purpose, action)))
                    .map(found -> found.map(e -> fromEnterprise(applicant, e, source, now)));
        } else {
            String subject = applicant.personalId();
            answer = (cacheOnly ? lookups.cachedCitizen(subject, purpose, action)
                    : Optional.of(lookups.citizen(subject, purpose, action)))
                    .map(found -> found.map(c -> fromCitizen(applicant, c, source, now)));
        }
        return answer.map(verified -> verified
                .map(v -> new Result(dossier.withApplicant(v), registry, Verification.Status.VERIFIED, cacheOnly,
                        null))
                .orElseGet(() -> new Result(dossier.withApplicant(applicant.withVerification(
                        new Verification(Verification.Status.NOT_FOUND, source, now, null, null))),
                        registry, Verification.Status.NOT_FOUND, cacheOnly, null)));
    }

    private static String registryOf(Applicant applicant) {
        return applicant.type() == ApplicantType.BUSINESS ? RegistryLookups.BUSINESS : RegistryLookups.POPULATION;
    }

    public static Applicant fromCitizen(Applicant a, Citizen c, String source, OffsetDateTime at) {
        List<String> fields = new ArrayList<>(List.of("personalId"));
        List<Discrepancy> discrepancies = new ArrayList<>();
        String name = take("fullName", a.fullName(), c.fullName(), fields, discrepancies);
        LocalDate birth = c.birthDate() == null ? a.birthDate() : LocalDate.parse(
                take("birthDate", Objects.toString(a.birthDate(), null), c.birthDate().toString(), fields,
                        discrepancies));
        String address = take("address", a.address(), c.addressText(), fields, discrepancies);
        return a.verifiedAs(name, birth, address, a.enterpriseType(), a.representative(),
                new Verification(Verification.Status.VERIFIED, source, at, fields, discrepancies));
    }

    public static Applicant fromEnterprise(Applicant a, Enterprise e, String source, OffsetDateTime at) {
        List<String> fields = new ArrayList<>(List.of("enterpriseCode"));
        List<Discrepancy> discrepancies = new ArrayList<>();
        String name = take("fullName", a.fullName(), e.name(), fields, discrepancies);
        String address = take("address", a.address(),
                Optional.ofNullable(e.headOffice()).map(h -> h.detail()).orElse(null), fields, discrepancies);
        String type = take("enterpriseType", a.enterpriseType(), e.typeName(), fields, discrepancies);
        String representative = take("representative", a.representative(), e.representative(), fields,
                discrepancies);
        return a.verifiedAs(name, a.birthDate(), address, type, representative,
                new Verification(Verification.Status.VERIFIED, source, at, fields, discrepancies));
    }

    /** The registry's value when it has one (noting a disagreement), else the submitted one. */
    private static String take(String field, String submitted, String registry, List<String> fields,
                               List<Discrepancy> discrepancies) {
        if (registry == null || registry.isBlank()) {
            return submitted;
        }
        fields.add(field);
        if (submitted != null && !comparable(submitted).equals(comparable(registry))) {
            discrepancies.add(new Discrepancy(field, submitted, registry));
        }
        return registry;
    }

    /** Same text up to Unicode normalisation, case and spacing: "Nguyễn  thị Hoà" equals "Nguyễn Thị Hoà". */
    static String comparable(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
