package prepbench.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import prepbench.access.Actor;
import prepbench.entry.Limits;
import prepbench.audit.AuditEvent;
import prepbench.audit.AuditTrail;
import prepbench.audit.ChainVerification;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.PreparationSession;
import prepbench.preparation.SessionId;

/**
 * The weighing actions on a session, and its audit trail. Each answers the whole session
 * after the change.
 */
@RestController
@RequestMapping("/api/v1/preparations/{id}")
class StepApi {

    private final PreparationManagement preparations;

    private final AuditTrail audit;

    StepApi(PreparationManagement preparations, AuditTrail audit) {
        this.preparations = preparations;
        this.audit = audit;
    }

    record ScanRequest(@NotNull(message = "{api.field.code-required}") @Size(max = 5000,
            message = "{api.field.code-too-long}") String code) {
    }

    /**
     * @param password the caller's own password: their signature on the weight
     * @param meaning what the signature means, which must be
     * {@value PreparationSession#MANUAL_MEANING}
     */
    record ManualRequest(@NotNull(message = "{api.field.grams-required}") BigDecimal grams,
            @Size(max = Limits.MAX_REASON, message = "{api.field.reason-too-long}") String reason,
            @Size(max = 200, message = "{api.field.password-too-long}") String password,
            @Size(max = 100, message = "{api.field.meaning-too-long}") String meaning) {
    }

    /**
     * @param confirmOverTarget whether a reading above the upper limit is to be recorded
     * (failing the attempt)
     */
    record CaptureRequest(boolean confirmOverTarget) {
    }

    record ReasonRequest(@Size(max = Limits.MAX_REASON, message = "{api.field.reason-too-long}") String reason) {
    }

    record AuditDto(List<AuditEvent> events, ChainVerification verification) {
    }

    @Operation(summary = "Checks the scanned container against the step's ingredient")
    @PostMapping("/steps/{sequence}/scan")
    SessionDto scanContainer(@PathVariable String id, @PathVariable int sequence,
            @Valid @RequestBody ScanRequest request, Actor operator) {
        return SessionDto.of(preparations.scanContainer(SessionId.parse(id), sequence, request.code(), operator));
    }

    /**
     * @param expiry {@code yyyy-MM-dd}
     */
    record LotRequest(@Size(max = 64, message = "{api.field.lot-too-long}") String lot,
            @Size(max = 10, message = "{api.field.expiry-form}") String expiry) {
    }

    @Operation(summary = "Records the lot and expiry typed from the container's label")
    @PostMapping("/steps/{sequence}/lot")
    SessionDto enterLot(@PathVariable String id, @PathVariable int sequence, @Valid @RequestBody LotRequest request,
            Actor operator) {
        return SessionDto
            .of(preparations.enterLot(SessionId.parse(id), sequence, request.lot(), request.expiry(), operator));
    }

    @Operation(summary = "Captures the bench's stable reading as the step's weight")
    @PostMapping("/steps/{sequence}/capture")
    SessionDto captureWeight(@PathVariable String id, @PathVariable int sequence,
            @RequestBody(required = false) CaptureRequest request, Actor operator) {
        return SessionDto.of(preparations.captureWeight(SessionId.parse(id), sequence,
                request != null && request.confirmOverTarget(), operator));
    }

    @Operation(summary = "Enters a weight by hand, signed by a lab lead (lab lead, admin)")
    @PostMapping("/steps/{sequence}/manual")
    SessionDto enterWeight(@PathVariable String id, @PathVariable int sequence,
            @Valid @RequestBody ManualRequest request, Actor operator) {
        return SessionDto
            .of(preparations.enterWeightManually(SessionId.parse(id), sequence, request.grams(), request.reason(),
                    request.password(), PreparationSession.MANUAL_MEANING.equals(request.meaning()), operator));
    }

    @Operation(summary = "Aborts the preparation with a reason")
    @PostMapping("/abort")
    SessionDto abort(@PathVariable String id, @Valid @RequestBody ReasonRequest request, Actor operator) {
        return SessionDto.of(preparations.abort(SessionId.parse(id), request.reason(), operator));
    }

    @Operation(summary = "The preparation's audit events and the verification of its chain and record")
    @GetMapping("/audit")
    AuditDto showAudit(@PathVariable String id) {
        UUID session = preparations.get(SessionId.parse(id)).id().value();
        return new AuditDto(audit.forSession(session), audit.verifySession(session));
    }

}
