package se.samtrygg.audit;

public enum AuditAction {
    CREATE, UPDATE, DELETE
}
