package be.stek.web;

/** The signed-in person behind a request. */
public record Visitor(long id, String name, String email, Role role, String language) {
    public boolean isFacilitator() {
        return role.atLeast(Role.FACILITATOR);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
