package prepbench.api;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import prepbench.access.Actor;
import prepbench.audit.AuditTrail;
import prepbench.database.DatabaseErrors;
import prepbench.formulas.FormulaCatalog;
import prepbench.preparation.ActionRefused;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.PreparationSession;
import prepbench.preparation.Refusals;
import prepbench.preparation.SessionBuilder;
import prepbench.preparation.SessionId;
import prepbench.preparation.SessionNotFound;

/**
 * The step API as a web slice, without a database: how requests become calls on the
 * preparation module and its answers and refusals become responses. The rules themselves
 * are tested in the preparation module; the whole flow over HTTP in
 * {@code WeighingFlowScenarios}.
 */
@WebMvcTest(controllers = StepApi.class)
class StepApiSliceTest {

    private static final String SESSION = "3f2b8c4e-1d2a-4b7e-9c1f-0a1b2c3d4e5f";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private PreparationManagement preparations;

    @MockitoBean
    private AuditTrail audit;

    @MockitoBean
    private FormulaCatalog catalog;

    @MockitoBean
    private DatabaseErrors databaseErrors;

    private static MockHttpServletRequestBuilder postJson(String path, String body) {
        return post("/api/v1/preparations/" + SESSION + path).contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .with(user("tina").roles("TECHNICIAN"))
            .with(csrf());
    }

    @Test
    void aCaptureAnswersTheSessionAsItIsAfterwards() throws Exception {
        PreparationSession session = SessionBuilder.aSession().build();
        given(preparations.captureWeight(eq(SessionId.parse(SESSION)), eq(1), eq(false), any(Actor.class)))
            .willReturn(session);

        mvc.perform(postJson("/steps/1/capture", ""))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value(session.id().value().toString()))
            .andExpect(jsonPath("$.steps.length()").value(2))
            .andExpect(jsonPath("$.status").value("in_progress"));
    }

    @Test
    void aConfirmedOverTargetCaptureSaysSo() throws Exception {
        given(preparations.captureWeight(any(), anyInt(), eq(true), any()))
            .willReturn(SessionBuilder.aSession().build());

        mvc.perform(postJson("/steps/2/capture", "{\"confirmOverTarget\": true}")).andExpect(status().isOk());

        verify(preparations).captureWeight(eq(SessionId.parse(SESSION)), eq(2), eq(true), any());
    }

    @Test
    void aRefusalIsAProblemWithItsRuleAndWhatToDo() throws Exception {
        given(preparations.captureWeight(any(), anyInt(), eq(false), any())).willThrow(Refusals
            .refused(ActionRefused.Reason.UNSTABLE, prepbench.entry.Text.of("refused.prep.balance.unstable")));

        mvc.perform(postJson("/steps/1/capture", ""))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.reason").value("UNSTABLE"))
            .andExpect(
                    jsonPath("$.detail").value("The balance is not stable. Wait for the stable sign, then capture."));
    }

    @Test
    void anUnknownSessionIsNotFound() throws Exception {
        given(preparations.abort(any(), anyString(), any())).willThrow(SessionNotFound.forId(SessionId.parse(SESSION)));

        mvc.perform(postJson("/abort", "{\"reason\": \"spilled\"}"))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aMalformedIdIsRefusedBeforeThePreparationIsAsked() throws Exception {
        mvc.perform(post("/api/v1/preparations/not-an-id/steps/1/capture").with(user("tina").roles("TECHNICIAN"))
            .with(csrf()))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        verifyNoInteractions(preparations);
    }

    @Test
    void aScanLongerThanAnyLabelIsRefusedNamingTheField() throws Exception {
        mvc.perform(postJson("/steps/1/scan", "{\"code\": \"" + "A".repeat(5001) + "\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("code is far longer than any container label")));

        verify(preparations, never()).scanContainer(any(), anyInt(), anyString(), any());
    }

    @Test
    void aManualWeightWithoutTheMeaningIsPassedOnAsNotAccepted() throws Exception {
        given(preparations.enterWeightManually(any(), anyInt(), any(), any(), any(), eq(false), any()))
            .willThrow(Refusals.refused(ActionRefused.Reason.MEANING_REQUIRED,
                    prepbench.entry.Text.of("refused.prep.manual.meaning-required")));

        mvc.perform(postJson("/steps/1/manual",
                "{\"grams\": 60.1, \"reason\": \"balance broken\", "
                        + "\"password\": \"secret\", \"meaning\": \"something else\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("MEANING_REQUIRED"));

        verify(preparations).enterWeightManually(eq(SessionId.parse(SESSION)), eq(1), eq(new BigDecimal("60.1")),
                eq("balance broken"), eq("secret"), eq(false), any());
    }

}
