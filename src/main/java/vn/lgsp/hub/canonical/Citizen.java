package vn.lgsp.hub.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;

/** A citizen as the national population database knows them; the answer of the citizen lookup. */
public record Citizen(
        @JsonPropertyDescription("Personal identification number, 12 digits")
        String personalId,

        @JsonPropertyDescription("Former 9-digit identity card number, when the registry still holds one")
        String legacyId,

        @JsonPropertyDescription("Full name with diacritics (family, middle and given names)")
        String fullName,

        Gender gender,

        @JsonPropertyDescription("Birth date; absent when only the birth year is registered")
        LocalDate birthDate,

        @JsonPropertyDescription("Birth year, when only the year is registered")
        Integer birthYear,

        @JsonPropertyDescription("Ethnic group (dân tộc)")
        String ethnicity,

        String nationality,

        @JsonPropertyDescription("Where the birth was registered")
        Address birthPlace,

        @JsonPropertyDescription("Home town (quê quán)")
        Address hometown,

        @JsonPropertyDescription("Permanent residence (thường trú)")
        Address permanentAddress,

        @JsonPropertyDescription("Current residence (nơi ở hiện tại)")
        Address currentAddress) {

    /** The address a dossier carries for this citizen: the permanent residence, else the current one. */
    public String addressText() {
        Address a = permanentAddress != null ? permanentAddress : currentAddress;
        return a == null ? null : a.detail();
    }
}
