package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.canonical.Address;
import vn.lgsp.hub.canonical.Applicant;
import vn.lgsp.hub.canonical.ApplicantType;
import vn.lgsp.hub.canonical.Citizen;
import vn.lgsp.hub.canonical.Enterprise;
import vn.lgsp.hub.canonical.Gender;
import vn.lgsp.hub.canonical.Verification;

/** Completing an applicant from a registry: the registry's values win, disagreements are kept. */
class ApplicantVerifierTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T17:00:00+07:00");
    private static final Citizen HOA = new Citizen("002190054321", null, "Nguyễn Thị Hoà", Gender.FEMALE,
            LocalDate.of(1990, 5, 12), null, "Kinh", "Việt Nam", null, null,
            new Address("02", null, "00688", "Số 12 đường Trần Phú, phường Minh Khai, tỉnh Hà Giang", "VN"), null);

    @Test
    void applicantWithOnlyAPersonalIdIsCompletedAndVerified() {
        Applicant bare = new Applicant(ApplicantType.CITIZEN, "002190054321", null, null, null, null, "0912345678", null);

        Applicant a = ApplicantVerifier.fromCitizen(bare, HOA, "CSDLQG_DAN_CU", AT);

        assertThat(a.fullName()).isEqualTo("Nguyễn Thị Hoà");
        assertThat(a.birthDate()).isEqualTo(LocalDate.of(1990, 5, 12));
        assertThat(a.address()).isEqualTo("Số 12 đường Trần Phú, phường Minh Khai, tỉnh Hà Giang");
        assertThat(a.phone()).isEqualTo("0912345678");
        assertThat(a.verification().status()).isEqualTo(Verification.Status.VERIFIED);
        assertThat(a.verification().source()).isEqualTo("CSDLQG_DAN_CU");
        assertThat(a.verification().verifiedFields()).containsExactly("personalId", "fullName", "birthDate", "address");
        assertThat(a.verification().discrepancies()).isEmpty();
    }

    @Test
    void sameValuesUpToCaseAndSpacingAreNoDiscrepancy() {
        Applicant submitted = new Applicant(ApplicantType.CITIZEN, "002190054321", null, "nguyễn  thị HOÀ",
                LocalDate.of(1990, 5, 12), null, null, null);

        assertThat(ApplicantVerifier.fromCitizen(submitted, HOA, "CSDLQG_DAN_CU", AT).verification().discrepancies())
                .isEmpty();
    }

    @Test
    void disagreeingValuesAreReplacedAndRecorded() {
        Applicant submitted = new Applicant(ApplicantType.CITIZEN, "002190054321", null, "Nguyễn Thị Hòa Bình",
                LocalDate.of(1991, 5, 12), null, null, null);

        Applicant a = ApplicantVerifier.fromCitizen(submitted, HOA, "CSDLQG_DAN_CU", AT);

        assertThat(a.fullName()).isEqualTo("Nguyễn Thị Hoà");
        assertThat(a.birthDate()).isEqualTo(LocalDate.of(1990, 5, 12));
        assertThat(a.verification().discrepancies()).containsExactly(
                new Verification.Discrepancy("fullName", "Nguyễn Thị Hòa Bình", "Nguyễn Thị Hoà"),
                new Verification.Discrepancy("birthDate", "1991-05-12", "1990-05-12"));
    }

    @Test
    void enterpriseIsCompletedWithNameTypeHeadOfficeAndRepresentative() {
        Enterprise e = new Enterprise("0100233488", "CÔNG TY CỔ PHẦN SÔNG LÔ", null, null, "3", "Công ty cổ phần",
                LocalDate.of(2010, 1, 4), "Đang hoạt động", 5_000_000_000L,
                new Address("02", null, null, "Số 4 đường Nguyễn Trãi, phường Minh Khai, tỉnh Hà Giang", "Việt Nam"),
                List.of("Vàng Mí Chứ", "Lò Thị Dợ"), "Xây dựng nhà các loại");
        Applicant bare = new Applicant(ApplicantType.BUSINESS, null, "0100233488", null, null, null, null, null);

        Applicant a = ApplicantVerifier.fromEnterprise(bare, e, "CSDL_DKDN", AT);

        assertThat(a.fullName()).isEqualTo("CÔNG TY CỔ PHẦN SÔNG LÔ");
        assertThat(a.enterpriseType()).isEqualTo("Công ty cổ phần");
        assertThat(a.address()).startsWith("Số 4 đường Nguyễn Trãi");
        assertThat(a.representative()).isEqualTo("Vàng Mí Chứ");
        assertThat(a.verification().verifiedFields())
                .containsExactly("enterpriseCode", "fullName", "address", "enterpriseType", "representative");
    }
}
