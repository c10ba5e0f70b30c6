package be.stek.web;

/** Who may call a route. */
public enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Any signed-in person. */
    SIGNED_IN,
    /** Facilitators and admins. */
    FACILITATOR,
    /** Admins only. */
    ADMIN
}
