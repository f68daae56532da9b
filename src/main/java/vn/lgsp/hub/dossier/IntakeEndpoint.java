package vn.lgsp.hub.dossier;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.security.Callers;

/**
 * The intake as routes call it: canonical JSON produced by an adapter's mapping, submitted on behalf of the
 * connected system authenticated for the current request.
 */
@Component("intakeEndpoint")
public class IntakeEndpoint {

    private final DossierIntake intake;

    public IntakeEndpoint(DossierIntake intake) {
        this.intake = intake;
    }

    public IntakeReceipt submitJson(String canonicalJson, @Header("Idempotency-Key") String idempotencyKey) {
        return intake.acceptJson(canonicalJson, Callers.current(), idempotencyKey);
    }
}
