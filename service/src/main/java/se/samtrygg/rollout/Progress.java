package se.samtrygg.rollout;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How far a rollout (or all rollouts of an area) has come. Steps are property steps. A property is covered when every
 * covering step of it is done or not applicable and at least one of them is done; its apartments are then covered.
 * Shares are whole percentages rounded down, of the applicable steps and of all apartments; 0 when there is nothing.
 */
public record Progress(int properties, int apartments, int propertiesCovered, int apartmentsCovered,
                       int steps, int stepsDone, int stepsNotApplicable, int stepsOverdue) {

    public static final Progress NONE = new Progress(0, 0, 0, 0, 0, 0, 0, 0);

    @JsonProperty // in the API too, beside the figures it is made of
    public int stepsDonePercent() {
        int applicable = steps - stepsNotApplicable;
        return applicable <= 0 ? 0 : (int) (100L * stepsDone / applicable);
    }

    @JsonProperty
    public int apartmentsCoveredPercent() {
        return apartments <= 0 ? 0 : (int) (100L * apartmentsCovered / apartments);
    }

    public Progress plus(Progress other) {
        return new Progress(properties + other.properties, apartments + other.apartments, propertiesCovered + other.propertiesCovered,
                apartmentsCovered + other.apartmentsCovered, steps + other.steps, stepsDone + other.stepsDone,
                stepsNotApplicable + other.stepsNotApplicable, stepsOverdue + other.stepsOverdue);
    }
}
