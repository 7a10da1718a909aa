package se.samtrygg;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped configuration files load with the settings operations.md offers, as the service reads them at start. */
class ConfigurationFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"config.yml", "service/bench/bench.yml"})
    void aConnectionPoolSmallerThanTheDefaultIsAValidConfiguration(String file) throws Exception {
        SamtryggConfiguration config = load(file, Map.of("SAMTRYGG_DB_POOL_SIZE", "4"));

        assertThat(config.getDatabase().getMaxSize()).isEqualTo(4);
        assertThat(config.getDatabase().getInitialSize()).isLessThanOrEqualTo(4);
    }

    @Test
    void withoutSettingsThePoolHoldsUpToSixteenConnections() throws Exception {
        assertThat(load("config.yml", Map.of()).getDatabase().getMaxSize()).isEqualTo(16);
    }

    private static SamtryggConfiguration load(String file, Map<String, String> environment) throws Exception {
        YamlConfigurationFactory<SamtryggConfiguration> factory = new YamlConfigurationFactory<>(SamtryggConfiguration.class,
                Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        SubstitutingSourceProvider source = new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                new StringSubstitutor(environment::get));
        return factory.build(source, Path.of("..", file).toAbsolutePath().normalize().toString());
    }
}
