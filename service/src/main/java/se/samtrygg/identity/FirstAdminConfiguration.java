package se.samtrygg.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who becomes the first admin when none exists. Both come from the environment
 * ({@code SAMTRYGG_ADMIN_EMAIL}, {@code SAMTRYGG_ADMIN_PASSWORD}); without a password a random one
 * is printed once to the log and must be changed at first login.
 */
public class FirstAdminConfiguration {
    private String email = "admin@samtrygg.local";
    private String password;

    @JsonProperty
    public String getEmail() {
        return email;
    }

    @JsonProperty
    public void setEmail(String email) {
        this.email = email;
    }

    @JsonProperty
    public String getPassword() {
        return password;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password;
    }
}
