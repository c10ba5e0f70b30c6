package be.stek.web;

import java.util.Optional;

/** Finds the signed-in visitor for a session token. */
@FunctionalInterface
public interface SessionLookup {
    Optional<Visitor> visitor(String token);
}
