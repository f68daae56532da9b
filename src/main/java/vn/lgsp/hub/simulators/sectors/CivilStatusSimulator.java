package vn.lgsp.hub.simulators.sectors;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import vn.lgsp.hub.simulators.support.SimulatorProperties;

/**
 * Simulator of the civil-status system (phần mềm hộ tịch), SOAP 1.1 push: {@code POST /sim/sector-civil/ws}
 * with operation {@code NhanHoSo} (namespace urn:lgsp:sector:civil:receive:v1) answers
 * {@code NhanHoSoResponse{MaHoSo, TrangThai=0}}; a second copy of the same MaHoSo is acknowledged, not stored.
 * Its statuses are numbers 0-4: 0 mới tiếp nhận, 1 đang xử lý, 2 chờ bổ sung, 3 đã có kết quả, 4 từ chối.
 * Operation {@code NhanCapNhatHoSo} (updates after intake: LoaiCapNhat YEU_CAU_BO_SUNG, NHAN_BO_SUNG, DINH_CHINH,
 * RUT_HO_SO, HUY_HO_SO) is kept once per MaGiaoDich, shown at {@code GET /sim/sector-civil/amendments}.
 */
@RestController
@RequestMapping("/sim/sector-civil")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class CivilStatusSimulator extends SectorSimulator<String> {

    static final String NS = "urn:lgsp:sector:civil:receive:v1";

    public CivilStatusSimulator(SimulatorProperties simulators) {
        super("sector-civil", simulators.sectors().hubUrl(), simulators.sectors().sectorCivilKey());
    }

    @PostMapping(path = "/ws", produces = MediaType.TEXT_XML_VALUE)
    public ResponseEntity<String> receive(@RequestBody String envelope) throws Exception {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            // As a real SOAP service answers: "try later" (5xx, 408, 429) is the server's fault, anything else the caller's.
            int status = fault.get();
            boolean server = status >= 500 || status == 408 || status == 429;
            return ResponseEntity.status(status).body(soapFault(server ? "soap:Server" : "soap:Client",
                    server ? "Hệ thống đang bận (lỗi giả lập)" : "Lỗi giả lập"));
        }
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(envelope)));
        var codes = doc.getElementsByTagNameNS(NS, "MaHoSo");
        if (codes.getLength() == 0 || codes.item(0).getTextContent().isBlank()) {
            return ResponseEntity.status(500).body(soapFault("soap:Client", "Thiếu MaHoSo"));
        }
        String code = codes.item(0).getTextContent().strip();
        if (doc.getElementsByTagNameNS(NS, "NhanCapNhatHoSo").getLength() > 0) {
            return update(doc, code, envelope);
        }
        received.arrive(code, envelope);
        return ResponseEntity.ok("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ht:NhanHoSoResponse xmlns:ht=\"" + NS + "\"><ht:MaHoSo>" + code + "</ht:MaHoSo>"
                + "<ht:TrangThai>0</ht:TrangThai></ht:NhanHoSoResponse></soap:Body></soap:Envelope>");
    }

    /** An update of a dossier it holds: kept once per MaGiaoDich, as the real system's idempotency key. */
    private ResponseEntity<String> update(Document doc, String code, String envelope) {
        var keys = doc.getElementsByTagNameNS(NS, "MaGiaoDich");
        if (keys.getLength() == 0 || keys.item(0).getTextContent().isBlank()) {
            return ResponseEntity.status(500).body(soapFault("soap:Client", "Thiếu MaGiaoDich"));
        }
        String key = keys.item(0).getTextContent().strip();
        amendments.arrive(key, envelope);
        return ResponseEntity.ok("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ht:NhanCapNhatHoSoResponse xmlns:ht=\"" + NS + "\"><ht:MaHoSo>" + code + "</ht:MaHoSo>"
                + "<ht:MaGiaoDich>" + key + "</ht:MaGiaoDich></ht:NhanCapNhatHoSoResponse></soap:Body></soap:Envelope>");
    }

    private static String soapFault(String faultCode, String reason) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>" + faultCode + "</faultcode><faultstring>" + reason + "</faultstring></soap:Fault>"
                + "</soap:Body></soap:Envelope>";
    }
}
