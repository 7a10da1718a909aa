package se.samtrygg.rollout;

/** The rollouts of one area together. */
public record AreaProgress(long areaId, String areaName, int rollouts, Progress progress) {
}
