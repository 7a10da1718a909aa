package se.samtrygg.programme;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code programme} block of config.yml. {@code derivedCacheTtl}: how long a derived indicator's count for a period
 * that has ended is reused before it is counted again (see {@link DerivedValueCache}); a record back-dated into an ended
 * period shows in the programme's figures at most this long after it was saved. Zero turns the cache off.
 */
public class ProgrammeConfiguration {

    @NotNull
    private Duration derivedCacheTtl = Duration.minutes(5);

    @JsonProperty
    public Duration getDerivedCacheTtl() {
        return derivedCacheTtl;
    }

    @JsonProperty
    public void setDerivedCacheTtl(Duration derivedCacheTtl) {
        this.derivedCacheTtl = derivedCacheTtl;
    }
}
