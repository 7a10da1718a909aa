package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.rollout.MethodTemplateInput;
import se.samtrygg.rollout.TemplateStepInput;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * An admin keeps a method template in a real browser: the list, a refused new template, and a change that moves one
 * step and removes another. Every page is checked with axe-core, and again on a phone-sized screen.
 */
class MethodTemplateBrowserTest {
    private final TestServer server = TestServer.sharedByBrowsers();

    @Test
    void anAdminReordersAndRemovesStepsOnAnAccessibleFormThatFitsAPhone() {
        String name = Fixtures.unique("Trygga trapphus");
        long id = server.services().methodTemplates().create(null, new MethodTemplateInput(name, "Trapphus för trapphus", true, List.of(
                new TemplateStepInput("Beslut", null, OrganisationType.HOUSING_COMPANY, 0, false, false),
                new TemplateStepInput("Affischer", null, OrganisationType.HOUSING_COMPANY, 30, true, true),
                new TemplateStepInput("Uppföljning", null, OrganisationType.MUNICIPAL_UNIT, 90, false, false)))).id();

        try (Browser browser = Browser.open(server)) {
            browser.go("/login");
            browser.fill("E-postadress", TestServer.ADMIN_EMAIL).fill("Lösenord", TestServer.ADMIN_PASSWORD).press("Logga in");
            browser.clickLink("Metodmallar");
            assertThat(browser.heading()).isEqualTo("Metodmallar");
            assertThat(browser.tableRows()).contains(name + " | 1 | 3 | I bruk");
            browser.assertAccessible("the method template list");

            browser.clickLink("Ny metodmall").press("Skapa metodmallen");
            assertThat(browser.texts(".error-summary li")).contains("Fyll i fältet.", "En metodmall behöver minst ett steg.");
            browser.assertAccessible("the new method template form with errors");
            browser.fillIn("Rad 1", "Stegets namn", "Informationsbrev").press("Skapa metodmallen");
            assertThat(browser.texts("fieldset.template-step .field-error")).containsExactly("Fyll i fältet.");
            assertThat(browser.valueIn("Rad 1", "Stegets namn")).isEqualTo("Informationsbrev");
            browser.assertAccessible("the new method template form with an error in a step");

            browser.go("/admin/method-templates/" + id);
            browser.fillIn("Rad 3", "Nummer", "1").tickIn("Rad 1", "Ta bort steget").fillIn("Rad 2", "Stegets namn", "Affischer i trapphusen")
                    .press("Spara");
            assertThat(browser.text(".notice")).isEqualTo("Ändringarna är sparade som en ny version.");
            assertThat(browser.valueIn("Rad 1", "Stegets namn")).isEqualTo("Uppföljning");
            assertThat(browser.valueIn("Rad 2", "Stegets namn")).isEqualTo("Affischer i trapphusen");
            assertThat(browser.valueIn("Rad 3", "Stegets namn")).isEmpty();
            browser.assertAccessible("a method template after a change");

            browser.resize(390, 844);
            browser.go("/admin/method-templates").assertNoHorizontalScroll("the method template list").assertAccessible("the list on a phone");
            browser.go("/admin/method-templates/" + id).assertNoHorizontalScroll("a method template")
                    .assertAccessible("a method template on a phone");
        }
    }
}
