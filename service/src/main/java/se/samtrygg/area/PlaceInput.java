package se.samtrygg.area;

public record PlaceInput(String name, String address) {
}
