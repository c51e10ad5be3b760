package prepbench.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import prepbench.audit.AuditEvent;
import prepbench.audit.AuditProblem;
import prepbench.entry.Words;

class AuditLineTest {

    private static final Words ARABIC = Words.of(Locale.forLanguageTag("ar"));

    private static AuditLine line(String action, String payload) {
        return line(action, payload, Words.of(Locale.ENGLISH));
    }

    private static AuditLine line(String action, String payload, Words words) {
        return AuditLine.of(new AuditEvent(1, Instant.EPOCH, "tina", action, UUID.randomUUID(), 1, "PRM00936", payload,
                "session:x", 1, "0".repeat(64), "a".repeat(64), "test-1"), words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            textBlock = """
                    BALANCE_TARED | {"bench":"bench-1","gramsRemoved":"52.317"} | Vessel tared at bench-1: tare 52.317 g
                    CONTAINER_SCANNED | {"code":"09506000134352","symbology":null,"lot":"L7","expiry":"2030-12-31"} | Container 09506000134352 accepted, lot L7, expires 2030-12-31
                    WEIGHT_CAPTURED | {"grams":"78.000000","stable":true,"targetG":"78.000000","lowerLimitG":"77.500000","upperLimitG":"78.500000","stepStatus":"ok","failureReason":null,"manualReason":null,"scale":"bench-1 (SIMULATED)"} | 78.000 g captured from the balance (bench-1 (SIMULATED)), target 78.000 g, range 77.500 g – 78.500 g: inside the tolerance
                    WEIGHT_CAPTURED | {"grams":"79.1","targetG":"78","lowerLimitG":"77.5","upperLimitG":"78.5","stepStatus":"failed","failureReason":"OVER_DISPENSE","scale":"b"} | 79.100 g captured from the balance (b), target 78.000 g, range 77.500 g – 78.500 g: failed (OVER_DISPENSE)
                    REFUSED_CAPTURE | {"code":"NOT_TARED","message":"Put the vessel on the pan and press Tare.","input":null} | Capture refused (NOT_TARED): Put the vessel on the pan and press Tare.
                    SESSION_ABORTED | {"oldStatus":"in_progress","newStatus":"failed","reason":"spilled"} | Aborted: spilled
                    STATION_ACCOUNTS_CHANGED | {"station":"site-b","allowed":["ana","ben"],"removed":["admin"]} | Accounts allowed at station site-b changed · allowed: ana, ben · taken off: admin
                    STATION_ACCOUNTS_CHANGED | {"station":"site-b","allowed":[],"removed":["admin"]} | Accounts allowed at station site-b changed · taken off: admin
                    """)
    void saysWhatHappenedWithItsValuesInWords(String action, String payload, String what) {
        assertThat(line(action, payload).what()).isEqualTo(what);
    }

    @Test
    void aManualEntryNamesItsReasonAndItsSignature() {
        assertThat(line("WEIGHT_ENTERED_MANUALLY",
                """
                        {"grams":"60.1","stable":true,"targetG":"60","lowerLimitG":"59.7","upperLimitG":"60.3","stepStatus":"ok",
                         "manualReason":"display broken","signedBy":"lee","signatureMeaning":"weight entered by hand and verified"}
                        """)
            .what())
            .isEqualTo("60.100 g entered by hand, reason: display broken; signed by lee, meaning: weight "
                    + "entered by hand and verified; target 60.000 g: inside the tolerance");
    }

    @Test
    void anActionItDoesNotKnowIsStillReadableAndABrokenPayloadIsShownAsItIs() {
        assertThat(line("SOMETHING_NEW", "{\"a\":1}").what()).isEqualTo("Something new: {a=1}");
        assertThat(line("SESSION_ABORTED", "{not json").what())
            .isEqualTo("Session aborted (the recorded details are not readable: {not json)");
        assertThat(line("SESSION_COMPLETED", null).what())
            .isEqualTo("Completed: every step weighed inside its tolerance");
    }

    @Test
    void inArabicTheWordsAreArabicAndWhatWasRecordedStaysAsItWasRecorded() {
        AuditLine aborted = line("SESSION_ABORTED", "{\"reason\":\"spilled\"}", ARABIC);
        assertThat(aborted.what()).isEqualTo("أُلغي: spilled");
        assertThat(aborted.parts()).containsExactly(new Phrase.Part("أُلغي: ", false),
                new Phrase.Part("spilled", true));

        AuditLine refused = line("REFUSED_CAPTURE",
                "{\"code\":\"NOT_TARED\",\"message\":\"Put the vessel on the pan and press Tare.\",\"input\":null}",
                ARABIC);
        assertThat(refused.what())
            .isEqualTo("رُفض «تسجيل الوزن» (NOT_TARED): Put the vessel on the pan and press Tare.");
        assertThat(refused.parts()).filteredOn(part -> !part.data())
            .allSatisfy(part -> assertThat(part.text()).doesNotContainPattern("[A-Za-z]"));

        assertThat(line("BALANCE_TARED", "{\"bench\":\"bench-1\",\"gramsRemoved\":\"52.317\"}", ARABIC).what())
            .isEqualTo("صُفّر الوعاء على المنضدة bench-1: وزن الوعاء 52.317 g");
        assertThat(line("SOMETHING_NEW", "{}", ARABIC).what()).as("an action without words is shown by its code")
            .isEqualTo("SOMETHING_NEW");
        assertThat(line("FORMULA_CREATED", "{}", ARABIC).what()).isEqualTo("إنشاء تركيبة");
    }

    @Test
    void aProblemSaysItsKindInWordsAndWhereItIs() {
        AuditProblem gap = new AuditProblem("session:x", 3L, AuditProblem.Kind.GAP, null, "event 3 is missing");
        assertThat(AuditLine.problem(gap, Words.of(Locale.ENGLISH)).text()).isEqualTo(gap.sentence());
        assertThat(AuditLine.problem(gap, ARABIC).text()).isEqualTo("فجوة — session:x #3: event 3 is missing");
    }

}
