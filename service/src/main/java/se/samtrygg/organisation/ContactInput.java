package se.samtrygg.organisation;

public record ContactInput(String name, String title, String phone, String email) {
}
