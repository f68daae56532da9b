package vn.lgsp.hub.simulators.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Seed and size of the registry simulators' synthetic data, and the lifetime of the tokens they issue. */
@ConfigurationProperties("hub.simulators.registries")
public record RegistrySimulatorProperties(Long seed, Integer citizens, Integer enterprises, Duration tokenLifetime) {

    public RegistrySimulatorProperties {
        seed = seed == null ? 20261123L : seed;
        citizens = citizens == null ? 500 : citizens;
        enterprises = enterprises == null ? 200 : enterprises;
        tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(5) : tokenLifetime;
    }
}
