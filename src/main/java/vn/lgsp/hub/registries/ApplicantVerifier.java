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

    private final RegistryLookups lookups;
    private final DossierTrail trail;

    public ApplicantVerifier(RegistryLookups lookups, DossierTrail trail) {
        this.lookups = lookups;
        this.trail = trail;
    }

    /** The dossier with its applicant verified, and which registry answered how. */
    public record Result(Dossier dossier, String registry, Verification.Status status, String failure) {
    }

    public Result verify(Dossier dossier, RegistryLookups.Action action) {
        Applicant applicant = dossier.applicant();
        boolean business = applicant.type() == ApplicantType.BUSINESS;
        String registry = business ? RegistryLookups.BUSINESS : RegistryLookups.POPULATION;
        String source = lookups.sourceCode(registry);
        AccessPurpose purpose = new AccessPurpose(dossier.sourceSystem(), HUB_OFFICER, dossier.dossierCode(),
                (action == RegistryLookups.Action.ENRICHMENT ? "verify applicant at intake" : "re-verify applicant")
                        + ", procedure " + dossier.procedureCode());
        OffsetDateTime now = OffsetDateTime.now(DossierTrail.ZONE);
        Applicant verified;
        try {
            verified = business
                    ? lookups.enterprise(applicant.enterpriseCode(), purpose, action)
                            .map(e -> fromEnterprise(applicant, e, source, now)).orElse(null)
                    : lookups.citizen(applicant.personalId(), purpose, action)
                            .map(c -> fromCitizen(applicant, c, source, now)).orElse(null);
        } catch (HubException e) {
            if (e.code() != ErrorCode.REGISTRY_UNAVAILABLE) {
                throw e;
            }
            trail.record(dossier.dossierCode(), TrailKind.APPLICANT_UNVERIFIED, registry,
                    source + " unavailable; delivered unverified, to be re-verified");
            Applicant unverified = applicant.withVerification(
                    new Verification(Verification.Status.UNVERIFIED, source, null, null, null));
            return new Result(dossier.withApplicant(unverified), registry, Verification.Status.UNVERIFIED,
                    e.getMessage());
        }
        if (verified == null) {
            trail.record(dossier.dossierCode(), TrailKind.APPLICANT_NOT_IN_REGISTRY, registry,
                    source + " knows no such " + (business ? "enterprise" : "citizen") + "; delivered as submitted");
            Applicant notFound = applicant.withVerification(
                    new Verification(Verification.Status.NOT_FOUND, source, now, null, null));
            return new Result(dossier.withApplicant(notFound), registry, Verification.Status.NOT_FOUND, null);
        }
        Verification v = verified.verification();
        trail.record(dossier.dossierCode(), TrailKind.APPLICANT_VERIFIED, registry,
                "verified against " + source + ": " + String.join(", ", v.verifiedFields()));
        if (!v.discrepancies().isEmpty()) {
            trail.record(dossier.dossierCode(), TrailKind.APPLICANT_DISCREPANCY, registry,
                    String.join(", ", v.discrepancies().stream().map(Discrepancy::field).toList())
                            + " differ from " + source + "; the registry's values were delivered");
        }
        return new Result(dossier.withApplicant(verified), registry, Verification.Status.VERIFIED, null);
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
