package prepbench.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import prepbench.access.Actor;
import prepbench.entry.Limits;
import prepbench.formulas.FormulaCode;
import prepbench.preparation.FormulaLock;
import prepbench.preparation.PreparationManagement;

/**
 * Formula locks: which formulas are locked, and their release with a lab lead's
 * signature.
 */
@RestController
class LockApi {

    private final PreparationManagement preparations;

    LockApi(PreparationManagement preparations) {
        this.preparations = preparations;
    }

    record ReleaseRequest(@Size(max = 200, message = "{api.field.password-too-long}") String password,
            @Size(max = Limits.MAX_REASON, message = "{api.field.reason-too-long}") String reason) {
    }

    @Operation(summary = "The locked formulas")
    @GetMapping("/api/v1/locks")
    List<FormulaLock> listLocks() {
        return preparations.lockedFormulas();
    }

    @Operation(summary = "Releases a formula's lock with the lab lead's electronic signature (lab lead, admin)")
    @PostMapping("/api/v1/formulas/{code}/release-lock")
    ResponseEntity<Void> releaseLock(@PathVariable String code, @Valid @RequestBody ReleaseRequest request,
            Actor operator) {
        preparations.releaseLock(FormulaCode.of(code), operator, request.password(), request.reason());
        return ResponseEntity.noContent().build();
    }

}
