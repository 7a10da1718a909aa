package se.samtrygg.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import se.samtrygg.common.PersonalNumberGuard.Finding;
import se.samtrygg.common.PersonalNumberGuard.Kind;

/**
 * What the personal-number guard refuses and what it lets through. The valid numbers are built
 * here with a Luhn implementation of this test's own (not the guard's), so a mistake in the
 * guard's check cannot hide itself. Every corpus is public so that the application test
 * ({@link PersonalNumberEverywhereTest}) walks the same numbers through every field.
 */
class PersonalNumberGuardTest {

    /** A person's number as its parts: birth date (day + 60 for a coordination number) and three serial digits. */
    record Number(LocalDate born, boolean coordination, String serial) {
        String yymmdd() {
            return twoDigits(born.getYear() % 100) + twoDigits(born.getMonthValue()) + twoDigits(day());
        }

        String yyyymmdd() {
            return born.getYear() + yymmdd().substring(2);
        }

        int day() {
            return born.getDayOfMonth() + (coordination ? 60 : 0);
        }

        /** The last four: the serial and the Luhn check digit over the ten digits. */
        String last() {
            return serial + checkDigit(yymmdd() + serial);
        }

        Kind kind() {
            return coordination ? Kind.COORDINATION_NUMBER : Kind.PERSONAL_IDENTITY_NUMBER;
        }
    }

    /** One way of writing a number down; {@code withCentury} when it writes the year with four digits. */
    record Form(String name, Function<Number, String> write, boolean withCentury) {
    }

    /** Every written form people use (and a few that word processors make of them). */
    static final List<Form> FORMS = List.of(
            new Form("YYMMDDNNNN", n -> n.yymmdd() + n.last(), false),
            new Form("YYYYMMDDNNNN", n -> n.yyyymmdd() + n.last(), true),
            new Form("YYMMDD-NNNN", n -> n.yymmdd() + "-" + n.last(), false),
            new Form("YYYYMMDD-NNNN", n -> n.yyyymmdd() + "-" + n.last(), true),
            new Form("YYMMDD+NNNN (over 100 years old)", n -> n.yymmdd() + "+" + n.last(), false),
            new Form("YYMMDD NNNN", n -> n.yymmdd() + " " + n.last(), false),
            new Form("YYYYMMDD NNNN", n -> n.yyyymmdd() + " " + n.last(), true),
            new Form("YYMMDD - NNNN", n -> n.yymmdd() + " - " + n.last(), false),
            new Form("YYYYMMDD - NNNN", n -> n.yyyymmdd() + " - " + n.last(), true),
            new Form("YYMMDD–NNNN (en dash, as word processors write it)", n -> n.yymmdd() + "\u2013" + n.last(), false),
            new Form("YYYYMMDD–NNNN (en dash)", n -> n.yyyymmdd() + "\u2013" + n.last(), true),
            new Form("YYMMDD NNNN with a no-break space", n -> n.yymmdd() + "\u00a0" + n.last(), false));

    /** Personal identity and coordination numbers, with leap days and both centuries. */
    static final List<Number> NUMBERS = List.of(
            new Number(LocalDate.of(1912, 12, 12), false, "121"),       // Skatteverket's test number 19121212-1212
            new Number(LocalDate.of(1990, 5, 17), false, "238"),
            new Number(LocalDate.of(2012, 8, 31), false, "470"),
            new Number(LocalDate.of(1964, 2, 29), false, "091"),        // leap day
            new Number(LocalDate.of(2000, 2, 29), false, "562"),        // leap day in a century year that is a leap year
            new Number(LocalDate.of(1990, 5, 17), true, "238"),         // samordningsnummer: day 77
            new Number(LocalDate.of(1912, 12, 12), true, "121"),        // day 72
            new Number(LocalDate.of(2004, 2, 29), true, "013"),         // leap day as a coordination number: day 89
            new Number(LocalDate.of(1987, 1, 1), true, "998"),          // day 61, the smallest
            new Number(LocalDate.of(1975, 10, 31), true, "402"));       // day 91, the largest

    /** Where a number turns up in a text: alone, in sentences, at either end, after punctuation. */
    static final List<Function<String, String>> CONTEXTS = List.of(
            n -> n,
            n -> "Mannen som greps har personnummer " + n + " och bor i Sättra.",
            n -> n + " ringde om lampan i gångtunneln",
            n -> "Anmälan gjordes av boende i port 3, " + n,
            n -> "Kontaktperson (" + n + ") lämnade uppgifterna.",
            n -> "pnr:" + n,
            n -> "Uppgiftslämnare: " + n + ".",
            n -> "\"" + n + "\" står på lappen",
            n -> "Första raden\n" + n + "\nsista raden");

    /** Every valid number in every form, once with each context: each of these must be refused. */
    static List<String> refusedTexts(Function<String, String> context) {
        List<String> texts = new ArrayList<>();
        for (Number number : NUMBERS) {
            for (Form form : FORMS) {
                texts.add(context.apply(form.write().apply(number)));
            }
        }
        return texts;
    }

    /**
     * Ordinary Swedish text with digits in it, as it is written in meeting notes and action items:
     * none of it may be refused. Phone numbers are written the way people write them, with a dash
     * or spaces; see {@link #aPhoneNumberWrittenAsTenDigitsInARowCanBeIndistinguishableFromAPersonalNumber}
     * for the one way of writing them that the guard cannot tell apart.
     */
    static final List<String> ORDINARY = List.of(
            // dates and date ranges
            "Mötet hålls 2026-11-24 i Sättra träff.",
            "Nästa träff 24/11 2026, därefter 8/12 2026.",
            "Inrapporterat 20261124, åtgärdat 20261201.",
            "Perioden 2026-11-24–2026-12-15 och 2026-11-24 - 2026-12-15.",
            "Kampanjen pågår 20261124-20261215 i hela området.",
            "Den 24 november 2026 kl. 18.00 vandrar vi från torget.",
            "Senast 2026-11-24T18:00 ska listan vara klar.",
            "Datumet 24.11.2026 och 241124 står på protokollet.",
            // times
            "Nattvandring 18:00–21:30, samling 17.45.",
            "Öppet fredagar 18.00-23.00 och lördagar 19:00 - 24:00.",
            // phone numbers as people write them
            "Ring fältassistenterna på 070-123 45 67 eller 073-987 65 43.",
            "Kommunens växel 026-17 80 00, Stockholms stad 08-508 000 00.",
            "Utomlands: +46 70 123 45 67 eller +46 (0)26 17 80 00 eller +46701234567.",
            "Polisen 114 14, vid akut fara 112, sjukvårdsrådgivning 1177.",
            "Mobil 070-1234567, fast 026-178000, direkt 0771-24 24 24.",
            // postcodes
            "Postadress: Box 123, 802 67 Gävle (även skrivet 80267 Gävle).",
            "Skogås 142 43, Vårby 143 40.",
            // amounts
            "Budget 1 250 000 kr, varav 12 500,50 kr till belysning.",
            "Bidraget är 1250000 kronor och 350 000:- för 2026.",
            // organisation numbers
            "Gävle kommun har organisationsnummer 212000-2213, Volvo 556036-0793.",
            "Orgnr 2120002213 och 5560360793, även 16212000-2213.",
            // case numbers
            "Dnr KS 2019/123 och dnr KS 2026/0123.",
            "Polisanmälan 5000-K123456-19 och 0400-K12345-26.",
            "Se ärende 2026-00123 och ärende 2026-123456.",
            // bank giro, plusgiro, accounts
            "Bankgiro 5050-1055, plusgiro 4 78 93-3.",
            "Konto Swedbank 8327-9, 994 225 563-5; SEB 5000 12 345 67.",
            "IBAN SE45 5000 0000 0583 9825 7466, Handelsbanken 6000 123 456 789.",
            // years and counts
            "Under 2025 deltog 1 200 personer, 2024 var det 980.",
            "Vi var 12 vuxna och 45 unga, 3 lampor är trasiga i port 7-9.",
            "Lägenheterna 1101, 1102 och 1203 i trappuppgång 14.",
            "Rapport 2025/2026, programmet 2019–2030.");

    @Test
    void everyValidNumberInEveryWrittenFormIsFoundWhereverItStandsInTheText() {
        for (Function<String, String> context : CONTEXTS) {
            for (Number number : NUMBERS) {
                for (Form form : FORMS) {
                    String written = form.write().apply(number);
                    String text = context.apply(written);
                    Optional<Finding> finding = PersonalNumberGuard.find(text);
                    assertThat(finding).as("%s written as %s in \"%s\"", number, form.name(), text).isPresent();
                    assertThat(finding.get().kind()).as(text).isEqualTo(number.kind());
                    assertThat(finding.get().position()).as("1-based position in \"%s\"", text).isEqualTo(text.indexOf(written) + 1);
                    assertThat(finding.get().masked()).as(text)
                            .isEqualTo((form.withCentury() ? number.yyyymmdd() : number.yymmdd()) + "-****");
                }
            }
        }
    }

    @Test
    void theFindingShowsTheDatePartAndHidesTheLastFourDigits() {
        Finding finding = PersonalNumberGuard.find("Anmälare 19121212-1212 i port 3").orElseThrow();
        assertThat(finding.masked()).isEqualTo("19121212-****");
        assertThat(finding.position()).isEqualTo(10);
        assertThat(finding.kind()).isEqualTo(Kind.PERSONAL_IDENTITY_NUMBER);

        Finding coordination = PersonalNumberGuard.find("nr 900577-2380").orElseThrow();
        assertThat(coordination.masked()).isEqualTo("900577-****").doesNotContain("2380");
        assertThat(coordination.kind()).isEqualTo(Kind.COORDINATION_NUMBER);
    }

    @Test
    void theCorpusIsMadeOfNumbersThatPassTheLuhnCheck() {
        assertThat(new Number(LocalDate.of(1912, 12, 12), false, "121").last()).as("Skatteverket's 19121212-1212").isEqualTo("1212");
        assertThat(checkDigit("811218987")).as("the textbook example 811218-9876").isEqualTo(6);
    }

    @Test
    void ordinarySwedishTextWithDatesPhoneNumbersAmountsAndCaseNumbersIsAccepted() {
        for (String text : ORDINARY) {
            assertThat(PersonalNumberGuard.find(text)).as(text).isEmpty();
        }
    }

    @Test
    void aNumberThatFailsTheLuhnCheckOrIsNoDateIsNotAPersonalNumber() {
        assertThat(PersonalNumberGuard.find("19121212-1213")).as("wrong check digit").isEmpty();
        assertThat(PersonalNumberGuard.find("121312-1212")).as("month 13").isEmpty();
        assertThat(PersonalNumberGuard.find("19000229-" + new Number(LocalDate.of(2000, 2, 29), false, "562").last()))
                .as("1900 was no leap year").isEmpty();
        assertThat(PersonalNumberGuard.find("121292-1210")).as("day 92 is neither a day nor a day + 60").isEmpty();
        assertThat(PersonalNumberGuard.find("121212-12120")).as("part of a longer number").isEmpty();
    }

    /**
     * The unavoidable ambiguity: ten digits in a row that form a real date and pass the Luhn check
     * are a personal identity number as far as anyone can tell, even when the writer meant a mobile
     * number (about one in ten such numbers whose digits after 07 form a month and a day). Refusing
     * is the safe side; the message says why, and the same number written as people usually write it
     * (070-123 45 67) passes.
     */
    @Test
    void aPhoneNumberWrittenAsTenDigitsInARowCanBeIndistinguishableFromAPersonalNumber() {
        String phone = "070123456" + checkDigit("070123456"); // 2007-01-23 is a date
        assertThat(PersonalNumberGuard.find("Ring " + phone)).isPresent();
        String written = phone.substring(0, 3) + "-" + phone.substring(3, 6) + " " + phone.substring(6, 8) + " " + phone.substring(8);
        assertThat(PersonalNumberGuard.find("Ring " + written)).isEmpty();
        assertThat(PersonalNumberGuard.find("Ring " + phone.substring(0, 3) + "-" + phone.substring(3))).isEmpty();
    }

    /**
     * Decided: a date and a time run together as twelve digits (202611240900) are a twelve-digit
     * personal identity number when the Luhn check passes, and are refused like one. Nobody writes a
     * time that way in prose; written as people write it, it passes.
     */
    @Test
    void aDateAndTimeRunTogetherAsTwelveDigitsIsRefusedWhenItPassesTheLuhnCheck() {
        assertThat(PersonalNumberGuard.find("Start 202611240900")).isPresent();
        assertThat(PersonalNumberGuard.find("Start 202611241800")).as("fails the Luhn check").isEmpty();
        assertThat(PersonalNumberGuard.find("Start 2026-11-24 09:00")).isEmpty();
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /** The Luhn check digit of nine digits: weights 2,1,2,... from the left, digits of products summed. */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = Character.digit(nineDigits.charAt(i), 10) * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }
}
