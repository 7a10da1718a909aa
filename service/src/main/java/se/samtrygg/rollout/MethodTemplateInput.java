package se.samtrygg.rollout;

import java.util.List;

/** A template as an admin writes it: the steps in checklist order. {@code active} null means true. */
public record MethodTemplateInput(String name, String description, Boolean active, List<TemplateStepInput> steps) {
}
