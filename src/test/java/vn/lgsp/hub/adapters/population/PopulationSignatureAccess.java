package vn.lgsp.hub.adapters.population;

import java.time.Clock;

/** Test access to the package-private clock constructor of {@link PopulationSignature}. */
public final class PopulationSignatureAccess {

    private PopulationSignatureAccess() {
    }

    public static PopulationSignature withClock(PopulationProperties properties, Clock clock) {
        return new PopulationSignature(properties, clock);
    }
}
