package prepbench.formulas;

import java.util.Collection;

/**
 * Who changes the catalogue, and what their role lets them do: lab leads and admins edit ingredients and formulas;
 * only lab leads release a formula version for preparation (with their signature); everyone else reads.
 */
public record Editor(String username, boolean mayEdit, boolean mayRelease) {

    public Editor {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("An editor needs a username");
        }
    }

    public static Editor withRoles(String username, Collection<String> roles) {
        boolean edit = false;
        boolean release = false;
        for (String role : roles) {
            String name = role.startsWith("ROLE_") ? role.substring(5) : role;
            if (name.equals("LAB_LEAD")) {
                edit = true;
                release = true;
            } else if (name.equals("ADMIN")) {
                edit = true;
            }
        }
        return new Editor(username, edit, release);
    }
}
