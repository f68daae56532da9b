package vn.lgsp.hub.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.simulators.support.FaultInjector;
import vn.lgsp.hub.simulators.support.Faults;

class FaultInjectorTest {

    private final FaultInjector faults = new FaultInjector();

    @Test
    void failsExactlyTheNextNCalls() {
        faults.update(new Faults(null, 502, null, null, 2));

        assertThat(faults.nextCall()).contains(502);
        assertThat(faults.nextCall()).contains(502);
        assertThat(faults.nextCall()).isEmpty();
    }

    @Test
    void isDownUntilTheGivenInstant() {
        faults.update(new Faults(null, null, null, Instant.now().plusSeconds(60), null));
        assertThat(faults.nextCall()).contains(503);

        faults.update(new Faults(null, null, null, Instant.now().minusSeconds(1), null));
        assertThat(faults.nextCall()).isEmpty();
    }

    @Test
    void errorRateOfOneFailsEveryCallAndZeroNone() {
        faults.update(new Faults(1.0, 500, null, null, null));
        assertThat(IntStream.range(0, 50).mapToObj(i -> faults.nextCall())).allMatch(r -> r.orElse(0) == 500);

        faults.reset();
        assertThat(IntStream.range(0, 50).mapToObj(i -> faults.nextCall())).allMatch(r -> r.isEmpty());
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> faults.update(new Faults(1.5, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.update(new Faults(null, 200, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
