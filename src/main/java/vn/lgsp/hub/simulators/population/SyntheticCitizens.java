package vn.lgsp.hub.simulators.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import vn.lgsp.hub.simulators.support.SyntheticVietnam;
import vn.lgsp.hub.simulators.support.SyntheticVietnam.Province;

/**
 * The synthetic population the simulator serves: personal IDs with the real structure PPP G YY NNNNNN (birth
 * province, century and gender, birth year, random), names with diacritics, addresses in real wards.
 */
public final class SyntheticCitizens {

    /** One person as the simulated registry holds them, in the registry's own shape. */
    public record Person(String personalId, String legacyId, String family, String middle, String given, int gender,
                         LocalDate birthDate, boolean yearOnly, String ethnicity, Province province,
                         String permanentAddress, String currentAddress, String hometown) {

        public String fullName() {
            return family + " " + middle + " " + given;
        }
    }

    /** Personal IDs the hub's own tests use for applicants the registry must not know. */
    private static final List<String> RESERVED = List.of("002190012345");

    private final Map<String, Person> byId;

    public SyntheticCitizens(long seed, int size) {
        Random random = new Random(seed);
        Map<String, Person> people = new LinkedHashMap<>();
        while (people.size() < size) {
            Person p = person(random);
            if (!RESERVED.contains(p.personalId())) {
                people.putIfAbsent(p.personalId(), p);
            }
        }
        this.byId = Collections.unmodifiableMap(people);
    }

    public Optional<Person> find(String personalId) {
        return Optional.ofNullable(byId.get(personalId));
    }

    public List<Person> sample(int limit) {
        return new ArrayList<>(byId.values()).subList(0, Math.min(limit, byId.size()));
    }

    public int size() {
        return byId.size();
    }

    private static Person person(Random random) {
        boolean female = random.nextBoolean();
        LocalDate birth = LocalDate.of(1945 + random.nextInt(63), 1, 1).plusDays(random.nextInt(365));
        Province born = SyntheticVietnam.province(random);
        Province lives = random.nextInt(4) == 0 ? SyntheticVietnam.province(random) : born;
        int centuryGender = (birth.getYear() >= 2000 ? 2 : 0) + (female ? 1 : 0);
        String id = born.idCode() + centuryGender + String.format("%02d", birth.getYear() % 100)
                + String.format("%06d", random.nextInt(1_000_000));
        String legacy = birth.getYear() < 1995 && random.nextInt(3) == 0
                ? String.format("%09d", random.nextInt(1_000_000_000)) : null;
        String permanent = SyntheticVietnam.address(random, lives);
        String current = random.nextInt(5) == 0 ? SyntheticVietnam.address(random, lives) : permanent;
        return new Person(id, legacy, SyntheticVietnam.pick(random, SyntheticVietnam.FAMILY_NAMES),
                SyntheticVietnam.pick(random, female ? SyntheticVietnam.FEMALE_MIDDLE : SyntheticVietnam.MALE_MIDDLE),
                SyntheticVietnam.pick(random, female ? SyntheticVietnam.FEMALE_GIVEN : SyntheticVietnam.MALE_GIVEN),
                female ? 2 : 1, birth, random.nextInt(50) == 0,
                SyntheticVietnam.pick(random, SyntheticVietnam.ETHNICITIES), born, permanent, current,
                SyntheticVietnam.address(random, born));
    }
}
