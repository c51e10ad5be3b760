package prepbench.security;

/** The product's roles; each is granted as the Spring Security authority {@code ROLE_<NAME>}. */
public enum Role {
    TECHNICIAN, LAB_LEAD, ADMIN, VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role as people and the API write it: {@code technician}, {@code lab_lead}, {@code admin}, {@code viewer}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
