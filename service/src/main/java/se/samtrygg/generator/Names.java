package se.samtrygg.generator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import se.samtrygg.organisation.OrganisationType;

/** Swedish-sounding names and plain texts for the generated municipality. No text holds a personal number. */
final class Names {
    record Org(String name, OrganisationType type) {
    }

    private static final String[] AREA_FIRST = {"Björk", "Ek", "Gran", "Sjö", "Berg", "Lind", "Ås", "Mal", "Hag", "Stor", "Norr", "Söder",
        "Väster", "Öster", "Furu", "Al", "Lön", "Hassel", "Rönn", "Sand", "Sten", "Strand", "Kvarn", "Bro", "Hammar"};
    private static final String[] AREA_LAST = {"backen", "dalen", "hagen", "vik", "berga", "gården", "torp", "ängen", "lund", "näs", "by",
        "holm", "sund", "mo", "åsen"};
    static final String[] FIRST = {"Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kerstin", "Ingrid", "Elin", "Sofia", "Ida",
        "Johanna", "Linnea", "Amira", "Leila", "Fatima", "Aisha", "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils", "Mikael",
        "Jonas", "Oskar", "Ali", "Ahmed", "Hassan", "Omar", "Mohammed", "Daniel", "Fredrik", "Magnus", "Hanna", "Maja", "Elsa", "Alva"};
    static final String[] LAST = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist", "Holm", "Berg", "Sjöberg", "Nyberg", "Wall", "Ek", "Hassan",
        "Ali", "Karimi", "Yilmaz", "Mohammed", "Lundgren", "Bergström", "Axelsson", "Sandberg", "Forsberg"};
    static final String[] MEETING_TITLES = {"Nätverksmöte", "Nätverksmöte", "Trygghetsmöte", "Avstämning inför helgen", "Uppföljningsmöte",
        "Planering inför sommaren", "Planering inför skolstarten"};
    static final String[] CANCEL_REASONS = {"Inställt: för få kunde komma.", "Inställt på grund av sjukdom.",
        "Flyttat till nästa månad på grund av helgdag."};
    static final String[] AGENDA = {"Läget i området sedan förra mötet", "Polisens lägesbild", "Fältassistenternas iakttagelser",
        "Belysning och skadegörelse", "Nattvandringar och aktiviteter för unga", "Skolans och fritidsgårdens bild", "Bostadsbolagets åtgärder",
        "Uppföljning av åtgärdspunkter", "Kommande evenemang", "Övriga frågor"};
    static final String[] NOTES = {"Lugnare än samma period förra året. Oro för ungdomar som samlas vid centrum sent på kvällarna.",
        "Flera lampor i gångtunneln är trasiga och boende säger att de undviker den när det är mörkt.",
        "Nattvandrarna var ute tre kvällar och mötte många unga. Stämningen var god.",
        "Skadegörelse på lekplatsen har anmälts. Bostadsbolaget har lagat det mesta.",
        "Fritidsgården har haft fler besökare sedan den öppnade på fredagar."};
    static final String[] DECISIONS = {"Bostadsbolaget byter lamporna och berättar vid nästa möte hur det gick.",
        "Nattvandrarna går fler kvällar före lov.", "Kommunen bjuder in till trygghetsvandring i området.",
        "Polisen återkommer med en lägesbild vid nästa möte."};
    static final String[] ACTION_TITLES = {"Byt trasiga lampor i gångtunneln", "Ta bort klotter vid centrum", "Boka trygghetsvandring",
        "Bjud in föräldrar till nattvandring", "Städa återvinningsstationen", "Informera boende om Huskurage", "Se över buskage vid gångvägen",
        "Ordna aktivitet för unga under lovet", "Följ upp skadegörelse på lekplatsen", "Sätt upp fler papperskorgar"};
    static final String[] ACTIVITY_NOTES = {"Lugn kväll, pratade med flera grupper av unga vid centrum.", "Många besökare, mest mellanstadiebarn.",
        "Gick runt i området och pratade med boende om tryggheten.", "Fotboll på konstgräsplanen, bra stämning.",
        "Informationsbord vid entrén, delade ut broschyrer.", "Plockade skräp längs gångvägen tillsammans med boende.",
        "Några ungdomar samlades vid tunneln men det var lugnt."};
    static final String[] OBSERVATIONS = {"Trasig belysning i gångtunneln.", "Klotter på fasaden vid centrum.", "Mycket skräp vid återvinningsstationen.",
        "Buskaget skymmer sikten vid gångvägen, känns otryggt på kvällen.", "Krossad ruta i busskuren.", "Nedskräpning på lekplatsen."};
    private static final String[] PLACES = {"{} centrum", "Gångtunneln vid {}", "Fritidsgården {}", "{} bibliotek", "Konstgräsplanen i {}",
        "Lekplatsen i {}", "Busstorget i {}", "{}skolans skolgård"};
    private static final String[] STREETS = {"gatan", "vägen", "stigen", "backe", "allén"};

    private Names() {
    }

    static List<Org> centralOrganisations() {
        return List.of(
                new Org("Polisen, lokalpolisområde Norrhamn", OrganisationType.POLICE),
                new Org("Socialtjänsten Norrhamn, fältassistenterna", OrganisationType.SOCIAL_SERVICES),
                new Org("Norrhamns kommun, enheten för trygghet och social hållbarhet", OrganisationType.MUNICIPAL_UNIT),
                new Org("Norrhamnsbostäder", OrganisationType.HOUSING_COMPANY),
                new Org("Nattvandrarna i Norrhamn", OrganisationType.ASSOCIATION),
                new Org("Bostads AB Hamnen", OrganisationType.HOUSING_COMPANY),
                new Org("Räddningstjänsten Norrhamn", OrganisationType.MUNICIPAL_UNIT),
                new Org("Norrhamns kommun, fritidsförvaltningen", OrganisationType.MUNICIPAL_UNIT),
                new Org("Socialtjänsten Norrhamn, barn och unga", OrganisationType.SOCIAL_SERVICES),
                new Org("Fastighets AB Norrsken", OrganisationType.HOUSING_COMPANY),
                new Org("Polisen, områdespolisen Norrhamn norra", OrganisationType.POLICE),
                new Org("Polisen, områdespolisen Norrhamn södra", OrganisationType.POLICE),
                new Org("Svenska kyrkan i Norrhamn", OrganisationType.OTHER),
                new Org("Röda korset Norrhamn", OrganisationType.ASSOCIATION),
                new Org("Norrhamns kommun, skolförvaltningen", OrganisationType.MUNICIPAL_UNIT),
                new Org("Hyresgästföreningen region Norrhamn", OrganisationType.TENANTS_ASSOCIATION),
                new Org("Studieförbundet Vuxenskolan Norrhamn", OrganisationType.ASSOCIATION),
                new Org("Norrhamns kommun, gatukontoret", OrganisationType.MUNICIPAL_UNIT),
                new Org("Länstrafiken Norrhamn", OrganisationType.BUSINESS),
                new Org("Norrhamns Energi", OrganisationType.BUSINESS));
    }

    static List<Org> localTemplates() {
        return List.of(new Org("{}skolan", OrganisationType.SCHOOL), new Org("{} IF", OrganisationType.ASSOCIATION),
                new Org("Hyresgästföreningen {}", OrganisationType.TENANTS_ASSOCIATION), new Org("{} Livs", OrganisationType.BUSINESS),
                new Org("Fritidsgården {}", OrganisationType.MUNICIPAL_UNIT), new Org("Grannsamverkan {}", OrganisationType.ASSOCIATION),
                new Org("Brf {}", OrganisationType.OTHER), new Org("Föräldraföreningen i {}", OrganisationType.ASSOCIATION));
    }

    static List<String> areaNames(int count, SplittableRandom random) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            names.add(AREA_FIRST[random.nextInt(AREA_FIRST.length)] + AREA_LAST[random.nextInt(AREA_LAST.length)]);
        }
        return new ArrayList<>(names);
    }

    static String areaDescription(String name, SplittableRandom random) {
        return "Bostadsområde i Norrhamn med cirka " + (1 + random.nextInt(9)) + " 000 invånare. Nätverksgruppen i " + name
                + " träffas regelbundet.";
    }

    static List<String> placeNames(String area, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(PLACES[i % PLACES.length].replace("{}", area) + (i >= PLACES.length ? " " + (i / PLACES.length + 1) : ""));
        }
        return names;
    }

    static String street(String area, SplittableRandom random) {
        return area + STREETS[random.nextInt(STREETS.length)];
    }

    static String pick(String[] from, SplittableRandom random) {
        return from[random.nextInt(from.length)];
    }

    /** An e-mail's local part: lower case, å ä ö as a a o. */
    static String ascii(String name) {
        return Normalizer.normalize(name.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
