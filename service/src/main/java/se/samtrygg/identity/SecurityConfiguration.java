package se.samtrygg.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code security} block of config.yml: sessions, login throttling, password hashing, tokens. */
public class SecurityConfiguration {

    @NotNull
    private Duration sessionIdleTimeout = Duration.minutes(30);

    @NotNull
    private Duration sessionAbsoluteLifetime = Duration.hours(12);

    /** Failed logins in a row before each further attempt has to wait. */
    @Min(1)
    private int slowDownAfterFailures = 3;

    /** Failed logins in a row after which the account is locked for {@link #lockDuration}. */
    @Min(2)
    private int lockAfterFailures = 10;

    @NotNull
    private Duration lockDuration = Duration.minutes(15);

    @NotNull
    private Duration maxLoginDelay = Duration.seconds(60);

    /** Argon2id cost; OWASP's 2023 minimum is 19 MiB, 2 iterations, 1 lane. */
    @Min(8192)
    private int argon2MemoryKib = 19456;

    @Min(1)
    @Max(10)
    private int argon2Iterations = 2;

    @NotNull
    private Duration apiTokenDefaultLifetime = Duration.days(90);

    @NotNull
    private Duration apiTokenMaxLifetime = Duration.days(366);

    @JsonProperty
    public Duration getSessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    @JsonProperty
    public void setSessionIdleTimeout(Duration sessionIdleTimeout) {
        this.sessionIdleTimeout = sessionIdleTimeout;
    }

    @JsonProperty
    public Duration getSessionAbsoluteLifetime() {
        return sessionAbsoluteLifetime;
    }

    @JsonProperty
    public void setSessionAbsoluteLifetime(Duration sessionAbsoluteLifetime) {
        this.sessionAbsoluteLifetime = sessionAbsoluteLifetime;
    }

    @JsonProperty
    public int getSlowDownAfterFailures() {
        return slowDownAfterFailures;
    }

    @JsonProperty
    public void setSlowDownAfterFailures(int slowDownAfterFailures) {
        this.slowDownAfterFailures = slowDownAfterFailures;
    }

    @JsonProperty
    public int getLockAfterFailures() {
        return lockAfterFailures;
    }

    @JsonProperty
    public void setLockAfterFailures(int lockAfterFailures) {
        this.lockAfterFailures = lockAfterFailures;
    }

    @JsonProperty
    public Duration getLockDuration() {
        return lockDuration;
    }

    @JsonProperty
    public void setLockDuration(Duration lockDuration) {
        this.lockDuration = lockDuration;
    }

    @JsonProperty
    public Duration getMaxLoginDelay() {
        return maxLoginDelay;
    }

    @JsonProperty
    public void setMaxLoginDelay(Duration maxLoginDelay) {
        this.maxLoginDelay = maxLoginDelay;
    }

    @JsonProperty
    public int getArgon2MemoryKib() {
        return argon2MemoryKib;
    }

    @JsonProperty
    public void setArgon2MemoryKib(int argon2MemoryKib) {
        this.argon2MemoryKib = argon2MemoryKib;
    }

    @JsonProperty
    public int getArgon2Iterations() {
        return argon2Iterations;
    }

    @JsonProperty
    public void setArgon2Iterations(int argon2Iterations) {
        this.argon2Iterations = argon2Iterations;
    }

    @JsonProperty
    public Duration getApiTokenDefaultLifetime() {
        return apiTokenDefaultLifetime;
    }

    @JsonProperty
    public void setApiTokenDefaultLifetime(Duration apiTokenDefaultLifetime) {
        this.apiTokenDefaultLifetime = apiTokenDefaultLifetime;
    }

    @JsonProperty
    public Duration getApiTokenMaxLifetime() {
        return apiTokenMaxLifetime;
    }

    @JsonProperty
    public void setApiTokenMaxLifetime(Duration apiTokenMaxLifetime) {
        this.apiTokenMaxLifetime = apiTokenMaxLifetime;
    }
}
