package vn.lgsp.hub.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A registered address: administrative unit codes and the full text as the registry holds it. */
public record Address(
        @JsonPropertyDescription("Province code (mã tỉnh/thành)")
        String provinceCode,

        @JsonPropertyDescription("District code; empty since the district level was abolished")
        String districtCode,

        @JsonPropertyDescription("Ward/commune code (mã phường/xã)")
        String wardCode,

        @JsonPropertyDescription("Full address text with diacritics")
        String detail,

        @JsonPropertyDescription("Country")
        String country) {
}
