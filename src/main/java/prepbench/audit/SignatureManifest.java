package prepbench.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import prepbench.security.AccountManagement;

/**
 * A signature as 21 CFR Part 11 wants it on the record (§11.50, §11.70): the signer's
 * printed name and username, the date and time with its zone, the meaning, and the
 * SHA-256 of what was signed, which links the signature to that record and to no other.
 */
@Component
class SignatureManifest {

    private final AccountManagement accounts;

    SignatureManifest(AccountManagement accounts) {
        this.accounts = accounts;
    }

    /**
     * The signature block recorded in the signing event's payload under
     * {@code signature}.
     */
    Map<String, Object> of(String username, Instant at, String meaning, String signedContent) {
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("signer", username);
        signature.put("signerName",
                accounts.find(username)
                    .map(account -> account.fullName())
                    .filter(name -> name != null && !name.isBlank())
                    .orElse(username));
        signature.put("signedAt", at.toString());
        signature.put("zone", "UTC");
        signature.put("meaning", meaning);
        signature.put("method", "password re-entered");
        signature.put("signedHash", EventSeal.sha256(signedContent));
        return signature;
    }

}
