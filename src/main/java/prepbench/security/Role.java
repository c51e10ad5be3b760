package prepbench.security;

/** The product's roles; each is granted as the Spring Security authority {@code ROLE_<NAME>}. */
public enum Role {
    TECHNICIAN, LAB_LEAD, ADMIN, VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
