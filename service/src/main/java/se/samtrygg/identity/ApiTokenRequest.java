package se.samtrygg.identity;

/** {@code POST /api/v1/auth/tokens}: credentials, a name for the token and, optionally, its lifetime in days. */
public record ApiTokenRequest(String email, String password, String name, Integer expiresInDays) {
}
