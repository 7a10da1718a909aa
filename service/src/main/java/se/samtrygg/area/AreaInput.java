package se.samtrygg.area;

public record AreaInput(String name, String municipality, String description) {
}
