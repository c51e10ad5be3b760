package prepbench.ui;

import java.util.List;

/**
 * An error page: what went wrong, what the user gave (already cut to a readable length;
 * the template escapes it) and what to do next.
 */
public record ErrorPage(int status, String title, String message, String input, List<String> suggestions,
        String nextStep) {

    static final int MAX_ECHO = 80;

    public ErrorPage {
        suggestions = List.copyOf(suggestions);
    }

    static ErrorPage of(int status, String title, String message) {
        return new ErrorPage(status, title, message, null, List.of(), null);
    }

    ErrorPage echoing(String userInput) {
        return new ErrorPage(status, title, message, echo(userInput), suggestions, nextStep);
    }

    ErrorPage suggesting(List<String> codes) {
        return new ErrorPage(status, title, message, input, codes, nextStep);
    }

    ErrorPage then(String next) {
        return new ErrorPage(status, title, message, input, suggestions, next);
    }

    /**
     * The input cut to {@value #MAX_ECHO} characters, with how many it had when cut (a
     * number reads the same in both languages).
     */
    static String echo(String userInput) {
        if (userInput == null) {
            return null;
        }
        if (userInput.length() <= MAX_ECHO) {
            return userInput;
        }
        return userInput.substring(0, MAX_ECHO) + "… (" + userInput.length() + ")";
    }
}
