package se.samtrygg.programme;

/** MANUAL: values entered by hand (a survey). DERIVED: counted live from the platform's own records. */
public enum IndicatorKind {
    MANUAL, DERIVED
}
