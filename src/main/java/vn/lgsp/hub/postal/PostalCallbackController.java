package vn.lgsp.hub.postal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.security.AccessRights;
import vn.lgsp.hub.security.Callers;
import vn.lgsp.hub.security.HubService;

/**
 * A dossier's collection by post, asked by the system that holds it (service {@code postal-collection}), and the
 * postal operator's callback: a state of an order the hub placed, under its own API key (client {@code postal},
 * service {@code postal-updates}). Pushed by the operator rather than polled: it knows first, and a repeat costs
 * nothing (200 with {@code duplicate: true}).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Postal service", description = "States of postal orders reported by the postal operator")
@SecurityRequirement(name = "apiKey")
public class PostalCallbackController {

    /** A state of one order, as the operator reports it. */
    public record StateReport(@NotBlank @Size(max = 96) String reference, @NotNull PostalState state,
                              OffsetDateTime at, @Size(max = 128) String operatorRef,
                              @PositiveOrZero Long codCollected, @Size(max = 500) String note) {
    }

    private final PostalOrders orders;
    private final AccessRights rights;

    public PostalCallbackController(PostalOrders orders, AccessRights rights) {
        this.orders = orders;
        this.rights = rights;
    }

    @PostMapping("/dossiers/{dossierCode}/postal-collection")
    @Operation(summary = "Ask the postal operator to collect the dossier at the applicant's",
            description = "Once per dossier: a repeated request answers the same order. The operator's states come "
                    + "back by its callback; COLLECTED marks the dossier as submitted by post (KenhThucHien 3).")
    public ResponseEntity<PostalOrders.Order> collect(@PathVariable String dossierCode) {
        rights.requireOwnerOrAssigned(Callers.current(), dossierCode, HubService.POSTAL_COLLECTION, false);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(orders.requestCollection(dossierCode));
    }

    @PostMapping(path = "/postal/callbacks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report a state of a postal order (ORDERED, COLLECTING, COLLECTED, DELIVERED, RETURNED, "
            + "CANCELLED)", description = "Applied once per order and state; a repeat answers duplicate: true. "
            + "404 for an order the hub did not place.")
    public ResponseEntity<PostalOrders.Outcome> report(@Valid @RequestBody StateReport report) {
        return ResponseEntity.ok(orders.report(Callers.current(), new PostalOrders.Report(report.reference(),
                report.state(), report.at(), report.operatorRef(), report.codCollected(), report.note())));
    }
}
