package vn.lgsp.hub.notices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import vn.lgsp.hub.canonical.Dossier;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.Masking;

/**
 * The brand-name SMS gateway: {@code POST {base-url}/api/v1/sms} with {@code {apiKey, brandName, to, message,
 * requestId}} (docs/contracts.md "Brand-name SMS gateway"). Phone numbers are normalised to the national form
 * {@code 0xxxxxxxxx} so that an opt-out matches however the number was written.
 */
@Component
public class SmsChannel implements NoticeChannel {

    public static final String ID = "sms";

    private final SmsGatewayProperties gateway;
    private final ObjectMapper mapper;

    public SmsChannel(SmsGatewayProperties gateway, ObjectMapper mapper) {
        this.gateway = gateway;
        this.mapper = mapper;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<String> address(Dossier dossier) {
        return Optional.ofNullable(dossier.applicant().phone()).map(SmsChannel::normalise).filter(p -> p.length() >= 9);
    }

    @Override
    public String masked(String phone) {
        return mask(phone);
    }

    @Override
    public String request(String phone, String text, String noticeKey) {
        ObjectNode body = mapper.createObjectNode();
        body.put("apiKey", gateway.apiKey());
        body.put("brandName", gateway.brandName());
        body.put("to", phone);
        body.put("message", text);
        body.put("requestId", noticeKey);
        return body.toString();
    }

    /** {@code +84 912-345-678} and {@code 84912345678} become {@code 0912345678}. */
    public static String normalise(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.startsWith("84") && digits.length() > 9 ? "0" + digits.substring(2) : digits;
    }

    /** {@code 0912345678} becomes {@code 091*****78}. */
    public static String mask(String phone) {
        return Masking.identifier(phone);
    }
}
