package se.samtrygg.notification;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code mail} block of config.yml. E-mail is off while {@code host} is blank: every user still
 * gets the in-app inbox. Credentials come from the environment (see config.yml), never the file.
 */
public class MailConfiguration {

    public enum Tls { NONE, STARTTLS, SMTPS }

    /** Blank: no e-mail. */
    private String host = "";

    @Min(1)
    @Max(65535)
    private int port = 25;

    @NotNull
    private Tls tls = Tls.STARTTLS;

    private String username = "";

    private String password = "";

    @NotBlank
    private String from = "Samtrygg <noreply@samtrygg.local>";

    /** Where the service is reached from a mail reader: links in e-mails start with it. */
    @NotBlank
    private String baseUrl = "http://localhost:8080";

    /** The right-hand side of every Message-ID. */
    @NotBlank
    private String messageIdDomain = "samtrygg.local";

    /** After this many failed attempts a message is FAILED and waits for an admin to resend it. */
    @Min(1)
    @Max(50)
    private int maxAttempts = 8;

    /** The wait after the first failure; it doubles after each further failure, up to {@link #maxRetryDelay}. */
    @NotNull
    private Duration firstRetryDelay = Duration.minutes(1);

    @NotNull
    private Duration maxRetryDelay = Duration.hours(2);

    @NotNull
    private Duration timeout = Duration.seconds(20);

    public boolean isEnabled() {
        return host != null && !host.isBlank();
    }

    @JsonProperty public String getHost() { return host; }
    @JsonProperty public void setHost(String host) { this.host = host; }
    @JsonProperty public int getPort() { return port; }
    @JsonProperty public void setPort(int port) { this.port = port; }
    @JsonProperty public Tls getTls() { return tls; }
    @JsonProperty public void setTls(Tls tls) { this.tls = tls; }
    @JsonProperty public String getUsername() { return username; }
    @JsonProperty public void setUsername(String username) { this.username = username; }
    @JsonProperty public String getPassword() { return password; }
    @JsonProperty public void setPassword(String password) { this.password = password; }
    @JsonProperty public String getFrom() { return from; }
    @JsonProperty public void setFrom(String from) { this.from = from; }
    @JsonProperty public String getBaseUrl() { return baseUrl; }
    @JsonProperty public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    @JsonProperty public String getMessageIdDomain() { return messageIdDomain; }
    @JsonProperty public void setMessageIdDomain(String messageIdDomain) { this.messageIdDomain = messageIdDomain; }
    @JsonProperty public int getMaxAttempts() { return maxAttempts; }
    @JsonProperty public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    @JsonProperty public Duration getFirstRetryDelay() { return firstRetryDelay; }
    @JsonProperty public void setFirstRetryDelay(Duration firstRetryDelay) { this.firstRetryDelay = firstRetryDelay; }
    @JsonProperty public Duration getMaxRetryDelay() { return maxRetryDelay; }
    @JsonProperty public void setMaxRetryDelay(Duration maxRetryDelay) { this.maxRetryDelay = maxRetryDelay; }
    @JsonProperty public Duration getTimeout() { return timeout; }
    @JsonProperty public void setTimeout(Duration timeout) { this.timeout = timeout; }
}
