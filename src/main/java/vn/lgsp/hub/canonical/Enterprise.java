package vn.lgsp.hub.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.util.List;

/** An enterprise as the national business-registration database knows it; the answer of the enterprise lookup. */
public record Enterprise(
        @JsonPropertyDescription("Enterprise code (mã số doanh nghiệp = tax code)")
        String enterpriseCode,

        @JsonPropertyDescription("Registered name in Vietnamese")
        String name,

        String shortName,

        @JsonPropertyDescription("Name in a foreign language")
        String foreignName,

        @JsonPropertyDescription("Enterprise type code of the registry")
        String typeCode,

        @JsonPropertyDescription("Enterprise type, e.g. Công ty trách nhiệm hữu hạn một thành viên")
        String typeName,

        LocalDate foundingDate,

        @JsonPropertyDescription("Operating status as the registry names it")
        String status,

        @JsonPropertyDescription("Charter capital in VND")
        Long capital,

        @JsonPropertyDescription("Head-office address")
        Address headOffice,

        @JsonPropertyDescription("Legal representatives' full names")
        List<String> representatives,

        @JsonPropertyDescription("Main business line")
        String mainActivity) {

    public Enterprise {
        representatives = representatives == null ? List.of() : List.copyOf(representatives);
    }

    /** The legal representative a dossier names: the first one registered. */
    public String representative() {
        return representatives.isEmpty() ? null : representatives.get(0);
    }
}
