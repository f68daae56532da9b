package vn.lgsp.hub.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import vn.lgsp.hub.adapters.population.PopulationSignature;

/** The benchmarks' baselines: the calls the hub makes, made straight to a simulator by the load client. */
final class DirectCalls {

    private DirectCalls() {
    }

    /** TraCuuThongTinCongDan, signed as the hub signs it (authUrl = url), to a population SOAP endpoint. */
    static HttpRequest populationLookup(String url, String personalId, String user, String secret, String xRoadClient,
                                        String apiKey) {
        String timestamp = Long.toString(System.currentTimeMillis());
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"TraCuuThongTinCongDan\"")
                .header("Timestamp", timestamp)
                .header("Authorization", PopulationSignature.authorization(url, user, timestamp, secret))
                .header("X-Road-Client", xRoadClient)
                .header("ApiKey", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
                        <dc:TraCuuThongTinCongDan xmlns:dc="http://dancuquocgia.bca"><dc:MaYeuCau>bench</dc:MaYeuCau>
                        <dc:MaTichHop>037</dc:MaTichHop><dc:MaCanBo>bench</dc:MaCanBo><dc:MaDonVi>H15</dc:MaDonVi>
                        <dc:TaiKhoan>lgsp-hagiang</dc:TaiKhoan><dc:SoDinhDanh>%s</dc:SoDinhDanh>
                        </dc:TraCuuThongTinCongDan></soap:Body></soap:Envelope>""".formatted(personalId),
                        StandardCharsets.UTF_8))
                .build();
    }
}
