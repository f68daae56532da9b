package vn.lgsp.hub.notices;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.security.Callers;

/**
 * A dossier's notices (service dossier-read) and the opt-out list (service notices: the portal or the one-stop
 * desk registering a citizen's wish). Phone numbers are answered masked.
 */
@RestController
@Tag(name = "Notices to citizens")
public class NoticeController {

    /** A phone number as a citizen gives it. */
    public record PhoneNumber(String phone) {
    }

    private final CitizenNotices notices;
    private final NoticeOptOuts optOuts;

    public NoticeController(CitizenNotices notices, NoticeOptOuts optOuts) {
        this.notices = notices;
        this.optOuts = optOuts;
    }

    @GetMapping("/api/v1/dossiers/{dossierCode}/notices")
    @Operation(summary = "The dossier's notices to the citizen: queued, sent, failed or skipped (service dossier-read)")
    public List<CitizenNotices.Notice> list(@PathVariable String dossierCode) {
        return notices.of(dossierCode);
    }

    @PostMapping("/api/v1/notices/opt-outs")
    @Operation(summary = "No more notices to this phone number (service notices); 201 new, 200 already opted out")
    public ResponseEntity<Map<String, Object>> optOut(@RequestBody PhoneNumber request) {
        String phone = phone(request);
        boolean added = optOuts.optOut(phone, Callers.current().id());
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("phone", SmsChannel.mask(phone), "optedOut", true));
    }

    @PostMapping("/api/v1/notices/opt-ins")
    @Operation(summary = "Notices to this phone number again (service notices)")
    public Map<String, Object> optIn(@RequestBody PhoneNumber request) {
        String phone = phone(request);
        optOuts.optIn(phone);
        return Map.of("phone", SmsChannel.mask(phone), "optedOut", false);
    }

    private static String phone(PhoneNumber request) {
        if (request == null || request.phone() == null || !request.phone().matches("^\\+?[0-9 .\\-]{6,20}$")) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "phone must be a phone number");
        }
        return SmsChannel.normalise(request.phone());
    }
}
