package prepbench.samples;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The samples' register: the sample of a completed preparation, found by the preparation
 * or by its code.
 */
@Service
public class SampleRegister {

    private final Samples samples;

    SampleRegister(Samples samples) {
        this.samples = samples;
    }

    /** The sample of a completed session. */
    @Transactional(readOnly = true)
    public Optional<Sample> forSession(UUID sessionId) {
        return samples.find("session_id = :key", sessionId);
    }

    /**
     * A sample by its code, such as {@code PRM00936-3}; codes compare case-insensitively.
     */
    @Transactional(readOnly = true)
    public Optional<Sample> byCode(String code) {
        return samples.find("code = :key", code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * The codes of the samples of these sessions (the completed ones), by session: one
     * query for a list.
     */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, String> codesOf(java.util.List<UUID> sessionIds) {
        return samples.codesOf(sessionIds);
    }

}
