package be.stek.web;

/** Handles one request and returns what to answer. */
@FunctionalInterface
public interface Handler {
    Result handle(Ctx ctx) throws Exception;
}
