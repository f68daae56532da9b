package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.lgsp.hub.canonical.validation.Identifiers;
import vn.lgsp.hub.simulators.business.SyntheticEnterprises;
import vn.lgsp.hub.simulators.population.SyntheticCitizens;

/** The simulators' synthetic records are well-formed like real ones, and the same for the same seed. */
class SyntheticRegistryDataTest {

    @Test
    void personalIdsFollowTheStructureOfBirthProvinceCenturyGenderAndYear() {
        for (SyntheticCitizens.Person p : new SyntheticCitizens(42, 300).sample(300)) {
            String id = p.personalId();
            assertThat(Identifiers.isPersonalId(id)).isTrue();
            int centuryGender = id.charAt(3) - '0';
            assertThat(centuryGender).isEqualTo((p.birthDate().getYear() >= 2000 ? 2 : 0) + (p.gender() == 2 ? 1 : 0));
            assertThat(id.substring(4, 6)).isEqualTo(String.format("%02d", p.birthDate().getYear() % 100));
            assertThat(id.substring(0, 3)).isEqualTo(p.province().idCode());
            assertThat(p.fullName()).matches("\\S+ \\S+ \\S+");
        }
    }

    @Test
    void enterpriseCodesCarryAValidCheckDigitAndTheTaxOfficePrefix() {
        for (SyntheticEnterprises.Company c : new SyntheticEnterprises(42, 200).sample(200)) {
            assertThat(Identifiers.isEnterpriseCode(c.code())).as(c.code()).isTrue();
            assertThat(c.code()).startsWith(c.province().taxPrefix());
            assertThat(c.name()).isUpperCase();
        }
    }

    @Test
    void namesAndAddressesCarryVietnameseDiacritics() {
        var people = new SyntheticCitizens(42, 200).sample(200);
        assertThat(people).anyMatch(p -> !p.fullName().chars().allMatch(ch -> ch < 128));
        assertThat(people).allMatch(p -> p.permanentAddress().contains("tỉnh") || p.permanentAddress().contains("thành phố"));
    }

    @Test
    void sameSeedSameRecords() {
        assertThat(new SyntheticCitizens(7, 20).sample(20)).isEqualTo(new SyntheticCitizens(7, 20).sample(20));
        assertThat(new SyntheticEnterprises(7, 20).sample(20)).isEqualTo(new SyntheticEnterprises(7, 20).sample(20));
    }
}
