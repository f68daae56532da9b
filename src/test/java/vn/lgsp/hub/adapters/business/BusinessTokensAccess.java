package vn.lgsp.hub.adapters.business;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;

/** Test access to the package-private clock constructor of {@link BusinessTokens}. */
public final class BusinessTokensAccess {

    private BusinessTokensAccess() {
    }

    public static BusinessTokens withClock(BusinessProperties properties, Clock clock) {
        return new BusinessTokens(properties, new ObjectMapper(), clock);
    }
}
