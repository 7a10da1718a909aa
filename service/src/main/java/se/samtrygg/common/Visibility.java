package se.samtrygg.common;

/**
 * Who may see a record (DESIGN.md, "Confidentiality and privacy"). PUBLIC may appear on public
 * pages; NETWORK is for all member organisations of the area's network group; ORGANISATION is for
 * the organisation that owns the record and nobody else, admins and coordinators included.
 */
public enum Visibility {
    PUBLIC, NETWORK, ORGANISATION
}
