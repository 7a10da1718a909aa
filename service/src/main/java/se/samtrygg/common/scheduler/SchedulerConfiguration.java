package se.samtrygg.common.scheduler;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The {@code scheduler} block of config.yml. */
public class SchedulerConfiguration {

    /** Every node of one cluster uses the same name; Quartz tells the nodes apart by instance id. */
    @NotBlank
    private String instanceName = "samtrygg";

    @Min(1)
    @Max(20)
    private int threadCount = 3;

    /**
     * How late a trigger may fire before Quartz treats it as misfired and applies the trigger's
     * misfire instruction. One minute covers a slow start or a long GC pause.
     */
    @NotNull
    private Duration misfireThreshold = Duration.minutes(1);

    @NotNull
    private Duration clusterCheckinInterval = Duration.seconds(15);

    /**
     * The health check reports a trigger acquired but not fired, or blocked behind a run of its job, for longer than
     * this. Every job's run is far shorter; a few minutes leaves room for a slow night without false alarms.
     */
    @NotNull
    private Duration stuckTriggerThreshold = Duration.minutes(5);

    /** null: clustered on PostgreSQL, not on the embedded H2 (one process owns that file). */
    private Boolean clustered;

    @JsonProperty
    public String getInstanceName() {
        return instanceName;
    }

    @JsonProperty
    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }

    @JsonProperty
    public int getThreadCount() {
        return threadCount;
    }

    @JsonProperty
    public void setThreadCount(int threadCount) {
        this.threadCount = threadCount;
    }

    @JsonProperty
    public Duration getMisfireThreshold() {
        return misfireThreshold;
    }

    @JsonProperty
    public void setMisfireThreshold(Duration misfireThreshold) {
        this.misfireThreshold = misfireThreshold;
    }

    @JsonProperty
    public Duration getClusterCheckinInterval() {
        return clusterCheckinInterval;
    }

    @JsonProperty
    public void setClusterCheckinInterval(Duration clusterCheckinInterval) {
        this.clusterCheckinInterval = clusterCheckinInterval;
    }

    @JsonProperty
    public Boolean getClustered() {
        return clustered;
    }

    @JsonProperty
    public void setClustered(Boolean clustered) {
        this.clustered = clustered;
    }

    @JsonProperty
    public Duration getStuckTriggerThreshold() {
        return stuckTriggerThreshold;
    }

    @JsonProperty
    public void setStuckTriggerThreshold(Duration stuckTriggerThreshold) {
        this.stuckTriggerThreshold = stuckTriggerThreshold;
    }
}
