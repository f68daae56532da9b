package vn.lgsp.hub.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import vn.lgsp.hub.canonical.validation.AgencyCode;

/**
 * An administrative-procedure dossier (hồ sơ TTHC) as the hub carries it between systems.
 * Field comments name the DVCQG field each one maps to.
 */
public record Dossier(
        @JsonPropertyDescription("Dossier code (MaHoSo), e.g. H15.50.05.13-261008-0975; assigned by the hub when absent")
        @Size(max = 64) @Pattern(regexp = "^[0-9A-Za-z.\\-_]+$", message = "may contain only letters, digits, '.', '-' and '_'")
        String dossierCode,

        @JsonPropertyDescription("Procedure code (MaTTHC), e.g. 1.005129")
        @NotBlank @Size(max = 32) @Pattern(regexp = "^[0-9A-Za-z.\\-]+$", message = "must be a procedure code such as 1.005129")
        String procedureCode,

        @JsonPropertyDescription("Procedure name (TenTTHC)")
        @Size(max = 500)
        String procedureName,

        @JsonPropertyDescription("Competent agency code, old (000.00.00.H22) or new (H15.50.05.13) syntax")
        @NotBlank @AgencyCode
        String agencyCode,

        @JsonPropertyDescription("Id of the connected system the dossier came from; defaults to the caller")
        @Size(max = 64)
        String sourceSystem,

        @JsonPropertyDescription("The source system's own reference; (sourceSystem, sourceRef) identifies a submission")
        @NotBlank @Size(max = 128)
        String sourceRef,

        @JsonPropertyDescription("The applicant (ChuHoSo, LoaiDoiTuong, MaDoiTuong)")
        @NotNull @Valid
        Applicant applicant,

        @JsonPropertyDescription("Summary of the request (TrichYeuHoSo)")
        @Size(max = 2000)
        String summary,

        @JsonPropertyDescription("How the dossier was submitted (KenhThucHien)")
        @NotNull
        Channel channel,

        @JsonPropertyDescription("When the dossier was received (NgayTiepNhan); defaults to the time of intake")
        OffsetDateTime receivedAt,

        @JsonPropertyDescription("When the result is due (NgayHenTra)")
        OffsetDateTime dueAt,

        @JsonPropertyDescription("Status code as DVCQG TrangThaiHoSo, 1-10; defaults to 1 (newly submitted)")
        @Min(1) @Max(10)
        Integer status,

        @JsonPropertyDescription("Submitted documents (TaiLieuNop)")
        @Size(max = 200)
        List<@NotNull @Valid DossierDocument> documents,

        @JsonPropertyDescription("Fees and charges (DanhSachLePhi)")
        @Size(max = 50)
        List<@NotNull @Valid Fee> fees,

        @JsonPropertyDescription("Fees paid online (DuocThanhToanTrucTuyen): 1 through the national payment platform, "
                + "2 through the province's own gateway; absent when not paid online")
        @Min(1) @Max(2)
        Integer onlinePayment,

        @JsonPropertyDescription("Receipt number the receiving desk gave the applicant (SoBienNhan)")
        @Size(max = 64)
        String receiptNumber,

        @JsonPropertyDescription("When the applicant submitted the dossier (NgayNopHoSo), which for an online or "
                + "postal dossier is before it was received")
        OffsetDateTime submittedAt,

        @JsonPropertyDescription("Field of activity code (MaLinhVuc); filled from the procedure catalogue when absent")
        @Size(max = 64)
        String fieldCode,

        @JsonPropertyDescription("Field of activity name (TenLinhVuc); filled from the procedure catalogue when absent")
        @Size(max = 500)
        String fieldName,

        @JsonPropertyDescription("How the applicant gets the result: AT_DESK, POST or ONLINE (HinhThuc)")
        ResultDelivery resultDelivery,

        @JsonPropertyDescription("Remarks on the dossier (GhiChu)")
        @Size(max = 2000)
        String note) {

    /** A dossier not paid online (the shape before online payment existed). */
    public Dossier(String dossierCode, String procedureCode, String procedureName, String agencyCode,
                   String sourceSystem, String sourceRef, Applicant applicant, String summary, Channel channel,
                   OffsetDateTime receivedAt, OffsetDateTime dueAt, Integer status, List<DossierDocument> documents,
                   List<Fee> fees) {
        this(dossierCode, procedureCode, procedureName, agencyCode, sourceSystem, sourceRef, applicant, summary,
                channel, receivedAt, dueAt, status, documents, fees, null, null, null, null, null, null, null);
    }

    public Dossier {
        documents = documents == null ? List.of() : List.copyOf(documents);
        fees = fees == null ? List.of() : List.copyOf(fees);
    }

    /** The same dossier with the fields the hub fills in at intake. */
    public Dossier acceptedAs(String code, String source, OffsetDateTime received, int initialStatus) {
        return copy(c -> {
            c.dossierCode = code;
            c.sourceSystem = source;
            c.receivedAt = received;
            c.status = initialStatus;
        });
    }

    /** The same dossier with another applicant (after verification against a registry). */
    public Dossier withApplicant(Applicant verified) {
        return copy(c -> c.applicant = verified);
    }

    /** The same dossier at another status. */
    public Dossier withStatus(int newStatus) {
        return copy(c -> c.status = newStatus);
    }

    /** The same dossier with its fees paid online (1 national payment platform, 2 the province's own gateway). */
    public Dossier withOnlinePayment(int channelCode) {
        return copy(c -> c.onlinePayment = channelCode);
    }

    /** The same dossier paid online, the fees with these codes marked as collected online (HinhThucThu). */
    public Dossier withOnlinePayment(int channelCode, Collection<String> paidFeeCodes) {
        return copy(c -> {
            c.onlinePayment = channelCode;
            c.fees = fees.stream().map(fee -> paidFeeCodes.contains(fee.code())
                    ? new Fee(fee.code(), fee.name(), fee.amount(), fee.kind(), FeeCollection.ONLINE) : fee).toList();
        });
    }

    /** The same dossier with these documents (for instance a result document appended). */
    public Dossier withDocuments(List<DossierDocument> newDocuments) {
        return copy(c -> c.documents = newDocuments);
    }

    /**
     * The same dossier with the changes {@code edit} makes to a copy of its fields: every update path goes
     * through here, so a field added to the dossier is carried by all of them (a rebuild through the constructor
     * once dropped {@code onlinePayment}).
     */
    public Dossier copy(Consumer<Fields> edit) {
        Fields fields = new Fields(this);
        edit.accept(fields);
        return fields.build();
    }

    /** The dossier's fields, mutable, for {@link #copy}; the one place besides the record that lists them all. */
    public static final class Fields {
        public String dossierCode;
        public String procedureCode;
        public String procedureName;
        public String agencyCode;
        public String sourceSystem;
        public String sourceRef;
        public Applicant applicant;
        public String summary;
        public Channel channel;
        public OffsetDateTime receivedAt;
        public OffsetDateTime dueAt;
        public Integer status;
        public List<DossierDocument> documents;
        public List<Fee> fees;
        public Integer onlinePayment;
        public String receiptNumber;
        public OffsetDateTime submittedAt;
        public String fieldCode;
        public String fieldName;
        public ResultDelivery resultDelivery;
        public String note;

        private Fields(Dossier d) {
            dossierCode = d.dossierCode;
            procedureCode = d.procedureCode;
            procedureName = d.procedureName;
            agencyCode = d.agencyCode;
            sourceSystem = d.sourceSystem;
            sourceRef = d.sourceRef;
            applicant = d.applicant;
            summary = d.summary;
            channel = d.channel;
            receivedAt = d.receivedAt;
            dueAt = d.dueAt;
            status = d.status;
            documents = d.documents;
            fees = d.fees;
            onlinePayment = d.onlinePayment;
            receiptNumber = d.receiptNumber;
            submittedAt = d.submittedAt;
            fieldCode = d.fieldCode;
            fieldName = d.fieldName;
            resultDelivery = d.resultDelivery;
            note = d.note;
        }

        private Dossier build() {
            return new Dossier(dossierCode, procedureCode, procedureName, agencyCode, sourceSystem, sourceRef,
                    applicant, summary, channel, receivedAt, dueAt, status, documents, fees, onlinePayment,
                    receiptNumber, submittedAt, fieldCode, fieldName, resultDelivery, note);
        }
    }
}
